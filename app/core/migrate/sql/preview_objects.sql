-- Every user object of the current database, keyed by catalog and oid, for the rollback
-- preview's before/after comparison. parent_key: the table an index, trigger or constraint
-- belongs to (so objects of a dropped table are not listed twice); owner: that table's name,
-- shown beside a trigger's or constraint's own name ("trg on table").
SELECT kind, key, name, parent_key, owner
FROM (
    SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                          WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                          WHEN 'f' THEN 'foreign table' ELSE 'index' END AS kind,
           'c' || c.oid::text AS key,
           format('%I.%I', n.nspname, c.relname) AS name,
           CASE WHEN c.relkind IN ('i', 'I') THEN 'c' || i.indrelid::text END AS parent_key,
           NULL AS owner, n.nspname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_index i ON i.indexrelid = c.oid
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')
      AND c.relname NOT IN ('uaip_schema_migrations', 'uaip_migration_events')
  UNION ALL
    SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain'
                          WHEN 'r' THEN 'range type' ELSE 'composite type' END,
           't' || t.oid::text, format('%I.%I', n.nspname, t.typname), NULL, NULL, n.nspname
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_class c ON c.oid = t.typrelid
    WHERE t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c')
  UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                          ELSE 'function' END,
           'p' || p.oid::text,
           format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
           NULL, NULL, n.nspname
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
  UNION ALL
    SELECT 'trigger', 'g' || tg.oid::text, format('%I', tg.tgname),
           'c' || tg.tgrelid::text, tg.tgrelid::regclass::text, n.nspname
    FROM pg_trigger tg
    JOIN pg_class c ON c.oid = tg.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT tg.tgisinternal
  UNION ALL
    SELECT 'constraint', 'k' || co.oid::text,
           format('%I', co.conname),
           'c' || co.conrelid::text, co.conrelid::regclass::text, n.nspname
    FROM pg_constraint co
    JOIN pg_namespace n ON n.oid = co.connamespace
    WHERE co.conrelid <> 0 AND co.contype IN ('c', 'f', 'u', 'x')
  UNION ALL
    SELECT 'schema', 'n' || n.oid::text, format('%I', n.nspname), NULL, NULL, n.nspname
    FROM pg_namespace n
  UNION ALL
    SELECT 'extension', 'x' || e.oid::text, format('%I', e.extname), NULL, NULL, 'public'
    FROM pg_extension e
    WHERE e.extname <> 'plpgsql'
) o
WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND nspname NOT LIKE E'pg\\_temp\\_%' AND nspname NOT LIKE E'pg\\_toast\\_temp\\_%'
  AND NOT (kind = 'schema' AND name = 'public')
ORDER BY kind, name
