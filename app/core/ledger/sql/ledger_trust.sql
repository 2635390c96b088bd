-- Whether the ledger is the console's to write in and to read its history from: the schema
-- uaip_ledger, every relation and function in it, a first-format ledger's tables wherever the
-- session's search_path finds them (ledger_locate.sql, ledger_upgrade_move.sql; their schema, as
-- public, may be anyone's: the upgrade moves them into uaip_ledger and checks again there), and
-- every trigger's function on those relations must be owned by a role whose code may run
-- with the connected role's rights (a superuser, that role, or a role that has its privileges
-- already). A schema another role made first (or a view named like a ledger table) would run
-- that role's code as the console, and let it write the ledger's history. No row when it is
-- trusted (or not there yet); else what is owned by whom. Nor may such a role hold more than
-- reading on any of it (granted it, to PUBLIC, or through the owner's default privileges): with
-- INSERT, UPDATE, DELETE or TRUNCATE it forges the history, with TRIGGER it adds code that the
-- console's next ledger write runs with its rights, with REFERENCES a foreign key that blocks
-- every rollback, with CREATE on the schema objects in it, with UPDATE on a sequence the order
-- of events. The first row: kind 'owner' (what, owner) or 'grant' (what, owner: the grantee,
-- privileges: what it holds beyond reading, comma-separated; revoke: the REVOKE that takes them).
WITH relations AS (
    SELECT c.oid, c.relname, c.relowner, n.nspname, n.nspowner
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'uaip_ledger'
    UNION
    SELECT c.oid, c.relname, c.relowner, n.nspname, n.nspowner
    FROM unnest(ARRAY['uaip_schema_migrations', 'uaip_ledger_info',
                      'uaip_migration_events']) l(name)
    JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(l.name)
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
),
objects AS (
    SELECT 1 AS rank, 'schema ' || pg_catalog.quote_ident(n.nspname) AS what, n.nspowner AS owner
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname = 'uaip_ledger'
    UNION ALL
    SELECT 2, 'relation ' || pg_catalog.quote_ident(r.nspname) || '.'
               || pg_catalog.quote_ident(r.relname), r.relowner
    FROM relations r
    UNION ALL
    SELECT 3, 'function ' || p.oid::pg_catalog.regprocedure::text, p.proowner
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'uaip_ledger'
    UNION ALL
    SELECT 4, 'trigger ' || pg_catalog.quote_ident(t.tgname) || ' on '
               || pg_catalog.quote_ident(r.nspname) || '.' || pg_catalog.quote_ident(r.relname)
               || ' (function ' || t.tgfoid::pg_catalog.regprocedure::text || ')',
           p.proowner
    FROM pg_catalog.pg_trigger t
    JOIN relations r ON r.oid = t.tgrelid
    JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
    WHERE NOT t.tgisinternal
)
,
-- every privilege on them but reading: what, the object as REVOKE names it (target), the
-- grantee's oid (0: PUBLIC), the privilege, and as REVOKE lists it (a column's with the column)
granted AS (
    SELECT 'schema ' || pg_catalog.quote_ident(n.nspname) AS what,
           'SCHEMA ' || pg_catalog.quote_ident(n.nspname) AS target,
           a.grantee, a.privilege_type, a.privilege_type AS listed
    FROM pg_catalog.pg_namespace n,
         LATERAL pg_catalog.aclexplode(n.nspacl) a
    WHERE n.nspname = 'uaip_ledger' AND a.privilege_type <> 'USAGE'
    UNION ALL
    SELECT 'relation ' || pg_catalog.quote_ident(r.nspname) || '.'
               || pg_catalog.quote_ident(r.relname),
           CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END
               || pg_catalog.quote_ident(r.nspname) || '.' || pg_catalog.quote_ident(r.relname),
           a.grantee, a.privilege_type, a.privilege_type
    FROM relations r
    JOIN pg_catalog.pg_class c ON c.oid = r.oid,
         LATERAL pg_catalog.aclexplode(c.relacl) a
    WHERE a.privilege_type <> 'SELECT' AND NOT (c.relkind = 'S' AND a.privilege_type = 'USAGE')
    UNION ALL
    SELECT 'relation ' || pg_catalog.quote_ident(r.nspname) || '.'
               || pg_catalog.quote_ident(r.relname),
           'TABLE ' || pg_catalog.quote_ident(r.nspname) || '.' || pg_catalog.quote_ident(r.relname),
           a.grantee, a.privilege_type,
           a.privilege_type || ' (' || pg_catalog.quote_ident(t.attname) || ')'
    FROM relations r
    JOIN pg_catalog.pg_attribute t ON t.attrelid = r.oid AND t.attnum > 0,
         LATERAL pg_catalog.aclexplode(t.attacl) a
    WHERE a.privilege_type <> 'SELECT'
),
findings AS (
    SELECT o.rank, 'owner' AS kind, o.what, r.rolname::text AS owner, NULL::text AS privileges,
           NULL::text AS revoke
    FROM objects o
    JOIN pg_catalog.pg_roles r ON r.oid = o.owner
    WHERE NOT r.rolsuper
      AND r.rolname <> current_user
      AND NOT pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')
    UNION ALL
    SELECT 5, 'grant', g.what, coalesce(r.rolname::text, 'PUBLIC'),
           pg_catalog.string_agg(DISTINCT g.privilege_type, ', '),
           'REVOKE ' || pg_catalog.string_agg(DISTINCT g.listed, ', ') || ' ON ' || g.target
               || ' FROM ' || coalesce(pg_catalog.quote_ident(r.rolname), 'PUBLIC')
    FROM granted g
    LEFT JOIN pg_catalog.pg_roles r ON r.oid = g.grantee
    WHERE g.grantee = 0
       OR NOT (r.rolsuper OR r.rolname = current_user
               OR pg_catalog.pg_has_role(r.oid, current_user, 'USAGE'))
    GROUP BY g.what, g.target, r.rolname
)
SELECT f.kind, f.what, f.owner, f.privileges, f.revoke
FROM findings f
ORDER BY f.rank, f.what, f.owner
LIMIT 1
