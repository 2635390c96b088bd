-- The statements that create one schema (ObjectCatalog::ddl), as pg_dump -s writes them:
-- CREATE SCHEMA, its owner, then its comment. Parameter: the schema's oid. Columns: ord, statement.
SELECT 10 AS ord, pg_catalog.format('CREATE SCHEMA %I;', n.nspname) AS statement
FROM pg_catalog.pg_namespace n
WHERE n.oid = $1::pg_catalog.oid
UNION ALL
SELECT 20, pg_catalog.format('ALTER SCHEMA %I OWNER TO %I;', n.nspname,
                             pg_catalog.pg_get_userbyid(n.nspowner))
FROM pg_catalog.pg_namespace n
WHERE n.oid = $1::pg_catalog.oid
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON SCHEMA %I IS %L;', n.nspname, d.description)
FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objoid = n.oid
WHERE n.oid = $1::pg_catalog.oid
ORDER BY ord
