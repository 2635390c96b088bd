-- Whether the ledger's schema is the console's to write in: uaip_ledger, every relation in it,
-- every function in it and every trigger's function on its tables must be owned by a role whose
-- code may run with the connected role's rights (a superuser, that role, or a role that has its
-- privileges already). A schema another role made first would run that role's triggers and
-- defaults as the console, and let it write the ledger's history. No row when it is trusted (or
-- not there yet); else what is owned by whom.
WITH objects AS (
    SELECT 1 AS rank, 'schema ' || pg_catalog.quote_ident(n.nspname) AS what, n.nspowner AS owner
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname = 'uaip_ledger'
    UNION ALL
    SELECT 2, 'relation uaip_ledger.' || pg_catalog.quote_ident(c.relname), c.relowner
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'uaip_ledger'
    UNION ALL
    SELECT 3, 'function ' || p.oid::pg_catalog.regprocedure::text, p.proowner
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'uaip_ledger'
    UNION ALL
    SELECT 4, 'trigger ' || pg_catalog.quote_ident(t.tgname) || ' on uaip_ledger.'
               || pg_catalog.quote_ident(c.relname) || ' (function '
               || t.tgfoid::pg_catalog.regprocedure::text || ')',
           p.proowner
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
    WHERE n.nspname = 'uaip_ledger' AND NOT t.tgisinternal
)
SELECT o.what, r.rolname AS owner
FROM objects o
JOIN pg_catalog.pg_roles r ON r.oid = o.owner
WHERE NOT r.rolsuper
  AND r.rolname <> current_user
  AND NOT pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')
ORDER BY o.rank, o.what
LIMIT 1
