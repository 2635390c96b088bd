-- The kind (pg_class.relkind) of the relation named $2 in schema $1; no row when there is
-- none.
SELECT c.relkind::text AS relkind
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2
