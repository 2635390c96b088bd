-- The statements that create one row-level security policy of a table (ObjectDdl), as pg_dump
-- -s writes it (the policy's statement of ddl_table.sql): CREATE POLICY with AS RESTRICTIVE, the
-- command, the roles, USING and WITH CHECK, then its comment. Parameter: the policy's oid. Run
-- with search_path empty. Columns: ord, statement.
WITH p AS (
    SELECT p.oid, p.polname, p.polpermissive, p.polcmd, p.polroles, p.polqual, p.polwithcheck,
           p.polrelid, pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname
    FROM pg_catalog.pg_policy p
    JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE p.oid = $1::pg_catalog.oid
)
SELECT 10 AS ord,
       pg_catalog.concat(
           pg_catalog.format('CREATE POLICY %I ON %s', p.polname, p.qname),
           CASE WHEN NOT p.polpermissive THEN ' AS RESTRICTIVE' END,
           CASE p.polcmd WHEN 'r' THEN ' FOR SELECT' WHEN 'a' THEN ' FOR INSERT'
                         WHEN 'w' THEN ' FOR UPDATE' WHEN 'd' THEN ' FOR DELETE' END,
           CASE WHEN p.polroles <> '{0}'
                THEN ' TO ' || (SELECT pg_catalog.string_agg(CASE WHEN ro = 0 THEN 'PUBLIC'
                                                                  ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(ro)) END,
                                                             ', ')
                                FROM pg_catalog.unnest(p.polroles) ro) END,
           ' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')',
           ' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')', ';')
           AS statement
FROM p
UNION ALL
SELECT 20, pg_catalog.format('COMMENT ON POLICY %I ON %s IS %L;', p.polname, p.qname,
                             d.description)
FROM p JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND d.objoid = p.oid
ORDER BY ord
