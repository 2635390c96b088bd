-- Whether the scratch login may be made a member of role $1 (scratch_role_member.sql) without
-- gaining a right a scratch database could use: no superuser, CREATEROLE, CREATEDB,
-- REPLICATION or BYPASSRLS (usable after SET ROLE), not one of PostgreSQL's predefined roles, a
-- member of no role, and no shared object (a database, a tablespace) owned or granted to it
-- (pg_shdepend with dbid 0). What it owns inside another database cannot be reached from the
-- scratch database's session. Never one of the scratch logins $2 (comma-separated): a member of
-- the other login could end its sessions (pg_terminate_backend). A row when it may.
SELECT 1 AS bare
  FROM pg_catalog.pg_roles r
 WHERE r.rolname OPERATOR(pg_catalog.=) $1::pg_catalog.text
   AND NOT (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication
            OR r.rolbypassrls)
   AND r.rolname::pg_catalog.text OPERATOR(pg_catalog.!~) '^pg_'
   AND r.rolname::pg_catalog.text OPERATOR(pg_catalog.<>) ALL
       (pg_catalog.string_to_array($2::pg_catalog.text, ','))
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                    WHERE m.member OPERATOR(pg_catalog.=) r.oid)
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_shdepend d
                    WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_authid'::pg_catalog.regclass
                      AND d.refobjid OPERATOR(pg_catalog.=) r.oid
                      AND d.dbid OPERATOR(pg_catalog.=) 0::pg_catalog.oid
                      AND d.deptype OPERATOR(pg_catalog.=) ANY ('{o,a}'::pg_catalog."char"[]))
