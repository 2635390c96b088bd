-- Drops the index advisor's prepared statement: named where the placeholder NAME between
-- percent signs stands, a name the advisor made.
DEALLOCATE %NAME%
