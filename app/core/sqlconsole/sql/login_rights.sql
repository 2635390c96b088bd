-- What code run on this session could do beyond reading, from its login role (SESSION_USER:
-- whatever SET ROLE the code runs, it may set the role back to any role the login may become),
-- for ReadingLogins. One row: the login's name; dangers (a JSON array), the rights a read-only run must not hand
-- to code it runs (SUPERUSER, CREATEROLE, or membership, on any path, of a role that runs
-- programs, reads or writes the server's files or signals other sessions: $2); other_roles (JSON), the
-- roles it is a member of on any path that are not reading roles ($1); createdb, replication and
-- bypassrls, its attributes. A superuser's dangers are SUPERUSER alone (it is a member of every
-- role). pg_has_role's MEMBER counts a membership granted without INHERIT or SET (16+) too.
SELECT l.rolname AS login,
       pg_catalog.to_json(CASE
           WHEN l.rolsuper THEN ARRAY['SUPERUSER']::pg_catalog.text[]
           ELSE pg_catalog.array_cat(
                    CASE WHEN l.rolcreaterole THEN ARRAY['CREATEROLE']::pg_catalog.text[]
                         ELSE ARRAY[]::pg_catalog.text[] END,
                    ARRAY(SELECT m.rolname::pg_catalog.text
                            FROM pg_catalog.pg_roles m
                           WHERE m.rolname OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.text[])
                             AND pg_catalog.pg_has_role(l.oid, m.oid, 'MEMBER')
                           ORDER BY m.rolname))
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
       l.rolreplication AS replication,
       l.rolbypassrls AS bypassrls
  FROM pg_catalog.pg_roles l
 WHERE l.rolname OPERATOR(pg_catalog.=) SESSION_USER
