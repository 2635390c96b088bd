-- Whether the statements of role $1 may be planned on this session. What planning runs (the
-- planner folds and inlines functions, views, policies, defaults and casts) may set the role
-- back to any role the session's login role may become, since SET ROLE is decided by the login
-- role; so the login role must hold no right the statement's role lacks: it is that role, or
-- a superuser planning a superuser's statement, or a member of that role that is no superuser,
-- holds no attribute the role lacks (CREATEROLE, CREATEDB, REPLICATION, BYPASSRLS), is a member of no role the statement's role is not a
-- member of, and owns and is granted nothing of its own (pg_shdepend: owners and privileges,
-- a privilege on a database aside). One row: whether the login role is a superuser, and the refusal
-- (NULL when the statements may be planned here). From PostgreSQL 16 on a membership may be
-- granted without SET (no SET ROLE to it) or without INHERIT: there "a member" of a role is, for
-- the login role, one that may SET ROLE to it, and for the statement's role, one that holds its
-- privileges (pg_has_role's SET and USAGE; before 16 every member may do both, MEMBER).
SELECT l.rolsuper AS superuser,
       CASE
           WHEN r.oid IS NULL
               THEN pg_catalog.format('role %s, which ran it, does not exist', $1::pg_catalog.text)
           WHEN l.oid OPERATOR(pg_catalog.=) r.oid THEN NULL
           WHEN l.rolsuper AND r.rolsuper THEN NULL
           WHEN l.rolsuper
               THEN pg_catalog.format('login role %s is a superuser and %s is not: what planning '
                                      'runs could set the role back to %s', l.rolname, r.rolname,
                                      l.rolname)
           WHEN NOT pg_catalog.pg_has_role(l.oid, r.oid, v.may_become)
               THEN pg_catalog.format('login role %s is not a member of %s', l.rolname, r.rolname)
           WHEN l.rolcreaterole AND NOT r.rolcreaterole
               THEN pg_catalog.format('login role %s has CREATEROLE and %s has not', l.rolname,
                                      r.rolname)
           WHEN l.rolcreatedb AND NOT r.rolcreatedb
               THEN pg_catalog.format('login role %s has CREATEDB and %s has not', l.rolname,
                                      r.rolname)
           WHEN l.rolreplication AND NOT r.rolreplication
               THEN pg_catalog.format('login role %s has REPLICATION and %s has not', l.rolname,
                                      r.rolname)
           WHEN l.rolbypassrls AND NOT r.rolbypassrls
               THEN pg_catalog.format('login role %s has BYPASSRLS and %s has not', l.rolname,
                                      r.rolname)
           WHEN extra.rolname IS NOT NULL
               THEN pg_catalog.format('login role %s is also a member of %s, which %s is not',
                                      l.rolname, extra.rolname, r.rolname)
           WHEN own.n OPERATOR(pg_catalog.>) 0
               THEN pg_catalog.format('login role %s owns or is granted %s object(s) of its own',
                                      l.rolname, own.n)
       END AS refusal
  FROM pg_catalog.pg_roles l
 CROSS JOIN (SELECT CASE WHEN pg_catalog.current_setting('server_version_num')::int
                              OPERATOR(pg_catalog.>=) 160000
                         THEN 'SET' ELSE 'MEMBER' END AS may_become,
                    CASE WHEN pg_catalog.current_setting('server_version_num')::int
                              OPERATOR(pg_catalog.>=) 160000
                         THEN 'USAGE' ELSE 'MEMBER' END AS holds) v
  LEFT JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) $1::pg_catalog.text
  LEFT JOIN LATERAL (
        SELECT m.rolname
          FROM pg_catalog.pg_roles m
         WHERE r.oid IS NOT NULL
           AND m.oid OPERATOR(pg_catalog.<>) l.oid
           AND pg_catalog.pg_has_role(l.oid, m.oid, v.may_become)
           AND NOT pg_catalog.pg_has_role(r.oid, m.oid, v.holds)
         ORDER BY m.rolname
         LIMIT 1) extra ON true
  LEFT JOIN LATERAL (
        SELECT pg_catalog.count(*) AS n
          FROM pg_catalog.pg_shdepend d
         WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_authid'::pg_catalog.regclass
           AND d.refobjid OPERATOR(pg_catalog.=) l.oid
           AND d.deptype OPERATOR(pg_catalog.=) ANY ('{o,a}'::pg_catalog."char"[])
           AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_database'::pg_catalog.regclass
                    AND d.deptype OPERATOR(pg_catalog.=) 'a')) own
        ON true
 WHERE l.rolname OPERATOR(pg_catalog.=) SESSION_USER
