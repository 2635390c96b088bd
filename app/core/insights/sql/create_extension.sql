-- Creates one of the insight extensions in this database, in schema public by name: never in
-- the first schema of the session's search_path, whose user entry could find a schema another
-- role made named like the console's role (the extension's functions would then sit in that
-- role's schema). Its name (one of the four InsightsCapabilities knows, quoted) where
-- EXTENSION stands.
CREATE EXTENSION IF NOT EXISTS %EXTENSION% SCHEMA public
