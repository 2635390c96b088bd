-- The generic plan of the advisor's prepared statement (%NAME%, a name the advisor made)
-- with every parameter unknown (%ARGS%: as many NULLs as it has parameters).
EXPLAIN (FORMAT JSON) EXECUTE %NAME%%ARGS%
