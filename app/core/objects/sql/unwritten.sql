-- The kinds of the objects named so that the catalog writes no DDL for (ObjectCatalog::unwritten,
-- `uaip-migrate ddl` saying why it prints nothing): aggregates, foreign tables, event triggers,
-- foreign servers and foreign-data wrappers (a table's indexes are found by lookup.sql).
-- Parameters: the schema or null, the name. Columns: kind, identity.
SELECT 'foreign table' AS kind,
       pg_catalog.format('%I.%I', n.nspname, c.relname) AS identity
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ($1::text IS NULL OR n.nspname = $1::text) AND c.relname = $2::text
  AND c.relkind = 'f'
UNION ALL
SELECT 'aggregate', pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                                      pg_catalog.pg_get_function_identity_arguments(p.oid))
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE ($1::text IS NULL OR n.nspname = $1::text) AND p.proname = $2::text AND p.prokind = 'a'
UNION ALL
SELECT 'event trigger', pg_catalog.quote_ident(e.evtname)
FROM pg_catalog.pg_event_trigger e WHERE $1::text IS NULL AND e.evtname = $2::text
UNION ALL
SELECT 'foreign server', pg_catalog.quote_ident(s.srvname)
FROM pg_catalog.pg_foreign_server s WHERE $1::text IS NULL AND s.srvname = $2::text
UNION ALL
SELECT 'foreign-data wrapper', pg_catalog.quote_ident(w.fdwname)
FROM pg_catalog.pg_foreign_data_wrapper w WHERE $1::text IS NULL AND w.fdwname = $2::text
ORDER BY 1, 2
