-- Creates one of the insight extensions in this database, in the schema it would choose
-- itself: its name (one of the four InsightsCapabilities knows, quoted) where EXTENSION stands.
CREATE EXTENSION IF NOT EXISTS %EXTENSION%
