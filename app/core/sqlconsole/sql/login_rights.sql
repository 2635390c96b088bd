-- What code run on this session could do beyond reading, from its login role (SESSION_USER:
-- whatever SET ROLE the code runs, it may set the role back to any role the login may become),
-- for ReadingLogins. One row: the login's name; dangers (a JSON array), the rights a read-only
-- run must not hand to code it runs: SUPERUSER, CREATEROLE, REPLICATION (a replication slot
-- made in a READ ONLY transaction outlives its rollback), membership on any path of a role that
-- runs programs, reads or writes the server's files or signals other sessions ($2), and
-- EXECUTE, through the login or a role it is a member of that is not a reading role ($1), on a
-- superuser's function PUBLIC may not call (lo_export, pg_read_file, dblink_connect_u: made for
-- superusers); other_roles (JSON), the roles it is a member of on any path that are not reading
-- roles; createdb and bypassrls, its attributes. A superuser's dangers are SUPERUSER alone (it
-- is a member of every role). pg_has_role's MEMBER counts a membership granted without INHERIT
-- or SET (16+) too.
SELECT l.rolname AS login,
       pg_catalog.to_json(CASE
           WHEN l.rolsuper THEN ARRAY['SUPERUSER']::pg_catalog.text[]
           ELSE ARRAY(SELECT d.danger
                        FROM (SELECT 'CREATEROLE'::pg_catalog.text AS danger, 0 AS kind
                               WHERE l.rolcreaterole
                              UNION ALL
                              SELECT 'REPLICATION', 1
                               WHERE l.rolreplication
                              UNION ALL
                              SELECT m.rolname::pg_catalog.text, 2
                                FROM pg_catalog.pg_roles m
                               WHERE m.rolname OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.text[])
                                 AND pg_catalog.pg_has_role(l.oid, m.oid, 'MEMBER')
                              UNION ALL
                              SELECT 'EXECUTE on ' OPERATOR(pg_catalog.||)
                                     p.oid::pg_catalog.regprocedure::pg_catalog.text, 3
                                FROM pg_catalog.pg_proc p
                                JOIN pg_catalog.pg_roles o
                                  ON o.oid OPERATOR(pg_catalog.=) p.proowner AND o.rolsuper
                               WHERE p.proacl IS NOT NULL
                                 AND NOT EXISTS (
                                     SELECT FROM pg_catalog.aclexplode(p.proacl) a
                                      WHERE a.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid
                                        AND a.privilege_type OPERATOR(pg_catalog.=) 'EXECUTE')
                                 AND EXISTS (
                                     SELECT FROM pg_catalog.aclexplode(p.proacl) a
                                       JOIN pg_catalog.pg_roles g
                                         ON g.oid OPERATOR(pg_catalog.=) a.grantee
                                      WHERE a.privilege_type OPERATOR(pg_catalog.=) 'EXECUTE'
                                        AND NOT g.rolsuper
                                        AND g.rolname OPERATOR(pg_catalog.<>) ALL ($1::pg_catalog.text[])
                                        AND pg_catalog.pg_has_role(l.oid, g.oid, 'MEMBER'))) d
                       ORDER BY d.kind, d.danger)
       END) AS dangers,
       pg_catalog.to_json(ARRAY(SELECT m.rolname::pg_catalog.text
               FROM pg_catalog.pg_roles m
              WHERE NOT l.rolsuper
                AND m.oid OPERATOR(pg_catalog.<>) l.oid
                AND m.rolname OPERATOR(pg_catalog.<>) ALL ($1::pg_catalog.text[])
                AND m.rolname OPERATOR(pg_catalog.<>) ALL ($2::pg_catalog.text[])
                AND pg_catalog.pg_has_role(l.oid, m.oid, 'MEMBER')
              ORDER BY m.rolname)) AS other_roles,
       l.rolcreatedb AS createdb,
       l.rolbypassrls AS bypassrls
  FROM pg_catalog.pg_roles l
 WHERE l.rolname OPERATOR(pg_catalog.=) SESSION_USER
