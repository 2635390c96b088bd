-- One relation by schema and name ($1, $2): oid, kind and row estimate.
SELECT c.oid, c.relkind::text AS kind, c.reltuples::bigint AS estimate
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2
