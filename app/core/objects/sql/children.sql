-- A table's children in the browser (ObjectCatalog::children): its columns (detail: the type
-- as format_type writes it), constraints (detail: the definition), indexes (with their size),
-- triggers, row-level security policies and partitions (detail: the bound). Parameter: the
-- table's oid. Same columns as objects.sql.
WITH rel AS (
    SELECT c.oid, c.relname, n.nspname, pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = $1::pg_catalog.oid
)
SELECT 'column' AS kind, r.nspname AS schema, a.attname AS name, r.oid,
       pg_catalog.format('%s.%I', r.qname, a.attname) AS identity, r.qname AS parent,
       0::bigint AS child_count, NULL::bigint AS size_bytes,
       pg_catalog.col_description(r.oid, a.attnum) AS comment,
       pg_catalog.format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END AS detail,
       1 AS grp, a.attnum::integer AS pos
FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
WHERE a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint', r.nspname, con.conname, con.oid,
       pg_catalog.format('%I ON %s', con.conname, r.qname), r.qname, 0, NULL,
       pg_catalog.obj_description(con.oid, 'pg_constraint'),
       pg_catalog.pg_get_constraintdef(con.oid), 2, 0
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
UNION ALL
SELECT 'index', n.nspname, ic.relname, ic.oid,
       pg_catalog.format('%I.%I', n.nspname, ic.relname), r.qname, 0,
       pg_catalog.pg_total_relation_size(ic.oid),
       pg_catalog.obj_description(ic.oid, 'pg_class'), pg_catalog.pg_get_indexdef(ic.oid), 3, 0
FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
UNION ALL
SELECT 'trigger', r.nspname, t.tgname, t.oid, pg_catalog.format('%I ON %s', t.tgname, r.qname),
       r.qname, 0, NULL, pg_catalog.obj_description(t.oid, 'pg_trigger'),
       pg_catalog.pg_get_triggerdef(t.oid), 4, 0
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'policy', r.nspname, p.polname, p.oid, pg_catalog.format('%I ON %s', p.polname, r.qname),
       r.qname, 0, NULL, pg_catalog.obj_description(p.oid, 'pg_policy'),
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END, 5, 0
FROM rel r JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
UNION ALL
SELECT 'partition', n.nspname, pc.relname, pc.oid,
       pg_catalog.format('%I.%I', n.nspname, pc.relname), r.qname, pc.relnatts,
       pg_catalog.pg_total_relation_size(pc.oid), pg_catalog.obj_description(pc.oid, 'pg_class'),
       pg_catalog.pg_get_expr(pc.relpartbound, pc.oid), 6, 0
FROM rel r JOIN pg_catalog.pg_inherits h ON h.inhparent = r.oid
JOIN pg_catalog.pg_class pc ON pc.oid = h.inhrelid AND pc.relispartition
JOIN pg_catalog.pg_namespace n ON n.oid = pc.relnamespace
ORDER BY grp, pos, name
