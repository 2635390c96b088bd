-- Drops the index advisor's prepared statement: the name the advisor made is written in where
-- NAME stands between percent signs.
DEALLOCATE %NAME%
