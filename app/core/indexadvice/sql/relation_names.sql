-- The names of the relations of schema $1 that start with $2: the names a new index there
-- cannot take.
SELECT c.relname::text AS relname
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND starts_with(c.relname::text, $2)
