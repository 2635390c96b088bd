-- The planner's row count of the table a batched statement walks ($1: its name as the server
-- quotes it); -1 when the table was never analyzed (then it is counted).
SELECT c.reltuples::pg_catalog.int8
FROM pg_catalog.pg_class c
WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1::pg_catalog.text)
