-- Where the ledger is. fixed: in the schema uaip_ledger (format 2 on), found without
-- search_path. legacy: a ledger of the first format, which lived wherever search_path put it.
SELECT EXISTS (SELECT 1
               FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
               WHERE n.nspname OPERATOR(pg_catalog.=) 'uaip_ledger'
                 AND c.relname OPERATOR(pg_catalog.=) 'uaip_schema_migrations') AS fixed,
       pg_catalog.to_regclass('uaip_schema_migrations') IS NOT NULL AS legacy
