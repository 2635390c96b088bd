-- Whether the ledger is the console's to write in and to read its history from: the schema
-- uaip_ledger, every relation and function in it, a first-format ledger's tables wherever the
-- session's search_path finds them (ledger_locate.sql, ledger_upgrade_move.sql; their schema, as
-- public, may be anyone's: the upgrade moves them into uaip_ledger and checks again there), and
-- every trigger's function on those relations must be owned by a role whose code may run
-- with the connected role's rights (a superuser, that role, or a role that has its privileges
-- already). A schema another role made first (or a view named like a ledger table) would run
-- that role's code as the console, and let it write the ledger's history. No row when it is
-- trusted (or not there yet); else what is owned by whom.
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
SELECT o.what, r.rolname AS owner
FROM objects o
JOIN pg_catalog.pg_roles r ON r.oid = o.owner
WHERE NOT r.rolsuper
  AND r.rolname <> current_user
  AND NOT pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')
ORDER BY o.rank, o.what
LIMIT 1
