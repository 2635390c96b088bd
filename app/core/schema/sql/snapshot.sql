-- A normalised description of a database's schema: one (kind, name, definition) row per
-- object, independent of OIDs and of the order objects were created in. The migration
-- ledger itself is left out. $1 = regex of extra relation names to ignore (or NULL).
WITH nsp AS (
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'
),
ext_objects AS (
    SELECT objid FROM pg_depend WHERE deptype = 'e'
),
rels AS (
    SELECT c.oid, n.nspname, c.relname, c.relkind
    FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND c.relname NOT IN ('uaip_schema_migrations', 'uaip_migration_events', 'uaip_ledger_info',
                            'uaip_migration_events_id_seq')
      AND ($1::text IS NULL OR c.relname !~ $1)
      AND c.oid NOT IN (SELECT objid FROM ext_objects)
)
SELECT 'schema'::text AS kind, nspname::text AS name, ''::text AS definition FROM nsp
UNION ALL
SELECT 'extension', extname::text, extversion FROM pg_extension
UNION ALL
SELECT CASE relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                    WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                    ELSE 'sequence' END,
       format('%I.%I', nspname, relname),
       CASE WHEN relkind IN ('v', 'm') THEN pg_get_viewdef(oid, true) ELSE '' END
FROM rels
UNION ALL
SELECT 'column',
       format('%I.%I.%I', r.nspname, r.relname, a.attname),
       format('#%s %s%s%s%s%s',
              row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum),
              format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
              CASE WHEN d.adbin IS NOT NULL AND a.attgenerated = ''
                   THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
              CASE WHEN a.attgenerated = 's'
                   THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'
                   ELSE '' END,
              CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY'
                   ELSE '' END)
FROM rels r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')
UNION ALL
SELECT 'constraint', format('%I.%I.%I', r.nspname, r.relname, con.conname),
       pg_get_constraintdef(con.oid, true)
FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
UNION ALL
SELECT 'index', format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(i.indexrelid)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN rels r ON r.oid = i.indrelid
JOIN nsp n ON n.oid = ic.relnamespace
UNION ALL
SELECT 'trigger', format('%I.%I.%I', r.nspname, r.relname, t.tgname), pg_get_triggerdef(t.oid, true)
FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'type', format('%I.%I', n.nspname, t.typname),
       CASE t.typtype
           WHEN 'e' THEN 'ENUM (' || (SELECT string_agg(quote_literal(e.enumlabel), ', '
                                                         ORDER BY e.enumsortorder)
                                      FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
           WHEN 'd' THEN 'DOMAIN ' || format_type(t.typbasetype, t.typtypmod)
           ELSE 'TYPE ' || t.typtype::text END
FROM pg_type t JOIN nsp n ON n.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd', 'c', 'r')
  AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
  AND t.oid NOT IN (SELECT objid FROM ext_objects)
UNION ALL
SELECT 'function', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
       pg_get_functiondef(p.oid)
FROM pg_proc p JOIN nsp n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND p.oid NOT IN (SELECT objid FROM ext_objects)
ORDER BY 1, 2
