-- Creates one of the insight extensions in this database (%EXTENSION%: its name, one of the
-- four InsightsCapabilities knows, quoted), in the schema it would choose itself.
CREATE EXTENSION IF NOT EXISTS %EXTENSION%
