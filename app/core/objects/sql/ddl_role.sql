-- The statements that create one role (ObjectCatalog::ddl), as pg_dumpall --roles-only
-- --no-role-passwords writes them: CREATE ROLE, ALTER ROLE ... WITH its attributes
-- (connection limit and expiry when set), its comment, and its settings for every database
-- (ALTER ROLE ... SET). Parameter: the role's oid. Columns: ord, statement.
WITH r AS (
    SELECT * FROM pg_catalog.pg_roles WHERE oid = $1::pg_catalog.oid
)
SELECT 10 AS ord, pg_catalog.format('CREATE ROLE %I;', r.rolname) AS statement
FROM r
UNION ALL
SELECT 20, pg_catalog.concat(
           pg_catalog.format('ALTER ROLE %I WITH', r.rolname),
           CASE WHEN r.rolsuper THEN ' SUPERUSER' ELSE ' NOSUPERUSER' END,
           CASE WHEN r.rolinherit THEN ' INHERIT' ELSE ' NOINHERIT' END,
           CASE WHEN r.rolcreaterole THEN ' CREATEROLE' ELSE ' NOCREATEROLE' END,
           CASE WHEN r.rolcreatedb THEN ' CREATEDB' ELSE ' NOCREATEDB' END,
           CASE WHEN r.rolcanlogin THEN ' LOGIN' ELSE ' NOLOGIN' END,
           CASE WHEN r.rolreplication THEN ' REPLICATION' ELSE ' NOREPLICATION' END,
           CASE WHEN r.rolbypassrls THEN ' BYPASSRLS' ELSE ' NOBYPASSRLS' END,
           CASE WHEN r.rolconnlimit <> -1 THEN ' CONNECTION LIMIT ' || r.rolconnlimit END,
           ' VALID UNTIL ' || pg_catalog.quote_literal(r.rolvaliduntil::text), ';')
FROM r
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON ROLE %I IS %L;', r.rolname, d.description)
FROM r JOIN pg_catalog.pg_shdescription d
    ON d.classoid = 'pg_catalog.pg_authid'::pg_catalog.regclass AND d.objoid = r.oid
UNION ALL
SELECT 40, pg_catalog.format('ALTER ROLE %I SET %s TO %L;', r.rolname,
                             pg_catalog.split_part(c.setting, '=', 1),
                             pg_catalog.substr(c.setting, pg_catalog.strpos(c.setting, '=') + 1))
FROM r JOIN pg_catalog.pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) c(setting)
ORDER BY ord
