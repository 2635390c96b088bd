-- The generic plan of the index advisor's prepared statement, every parameter unknown: the
-- statement named where NAME stands (a name the advisor made), as many NULLs as it has
-- parameters where ARGS stands.
EXPLAIN (FORMAT JSON) EXECUTE %NAME%%ARGS%
