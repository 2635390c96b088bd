-- The statements that create one extension (ObjectCatalog::ddl), as pg_dump -s writes them:
-- CREATE EXTENSION IF NOT EXISTS ... WITH SCHEMA ..., then its comment. Parameter: the
-- extension's oid. Columns: ord, statement.
SELECT 10 AS ord, pg_catalog.format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I;',
                                    e.extname, n.nspname) AS statement
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.oid = $1::pg_catalog.oid
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON EXTENSION %I IS %L;', e.extname, d.description)
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.objoid = e.oid
WHERE e.oid = $1::pg_catalog.oid
ORDER BY ord
