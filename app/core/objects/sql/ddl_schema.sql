-- The statements that create one schema (ObjectCatalog::ddl), as pg_dump -s writes them:
-- CREATE SCHEMA, its owner, then its comment. The public schema is initdb's: as pg_dump does,
-- it is not created (CREATE SCHEMA public would fail), and its owner is written only when it is
-- not pg_database_owner, PostgreSQL 15's default, and its comment only when it is not initdb's.
-- Parameter: the schema's oid. Columns: ord, statement.
SELECT 10 AS ord,
       CASE WHEN n.nspname = 'public' THEN '-- *not* creating schema, since initdb creates it'
            ELSE pg_catalog.format('CREATE SCHEMA %I;', n.nspname) END AS statement
FROM pg_catalog.pg_namespace n
WHERE n.oid = $1::pg_catalog.oid
UNION ALL
SELECT 20, pg_catalog.format('ALTER SCHEMA %I OWNER TO %I;', n.nspname,
                             pg_catalog.pg_get_userbyid(n.nspowner))
FROM pg_catalog.pg_namespace n
WHERE n.oid = $1::pg_catalog.oid
  AND (n.nspname <> 'public' OR n.nspowner <> 'pg_database_owner'::pg_catalog.regrole)
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON SCHEMA %I IS %L;', n.nspname, d.description)
FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objoid = n.oid
WHERE n.oid = $1::pg_catalog.oid
  AND (n.nspname <> 'public' OR d.description <> 'standard public schema')
ORDER BY ord
