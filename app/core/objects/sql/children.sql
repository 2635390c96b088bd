-- A table's children in the browser (ObjectCatalog::children): its columns (detail: the type
-- as format_type writes it, and NOT NULL), constraints (detail: the definition; a column's NOT
-- NULL is the column's, as pg_dump writes it: only a NOT VALID one, PostgreSQL 18, is a
-- constraint of its own), indexes (with their size),
-- triggers, row-level security policies and partitions (detail: the bound). Parameter: the
-- tables' oids as an array ('{16385}': ObjectCatalog reads one table's, or the tables of the
-- parts a lookup or search found), the parts of each table together. Same columns as
-- objects.sql. Never waits on a table lock (see busy below).
WITH
-- the relations another session holds or awaits in ACCESS EXCLUSIVE (pg_locks takes no table
-- lock): pg_total_relation_size would wait on them (ACCESS SHARE on the relation, its TOAST
-- table and their indexes), so such a relation's size is the catalog's estimate (relpages times
-- the block size, as of the last VACUUM, ANALYZE or index build), size_estimated true; and a
-- definition the server would deparse (an index's, a CHECK or EXCLUDE constraint's, a trigger's
-- WHEN, a partition's bound: ruleutils opens the relation with ACCESS SHARE) is not read:
-- detail NULL, detail_locked true
locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
),
-- a relation whose exact size would wait: locked, or its TOAST table, or an index of either
busy AS (
    SELECT relation AS oid FROM locked
    UNION
    SELECT c.oid FROM pg_catalog.pg_class c JOIN locked l ON l.relation = c.reltoastrelid
    UNION
    SELECT c.oid
    FROM pg_catalog.pg_index i
    JOIN locked l ON l.relation = i.indexrelid
    JOIN pg_catalog.pg_class c ON i.indrelid IN (c.oid, c.reltoastrelid)
),
rel AS (
    SELECT c.oid, c.relname, n.nspname, pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = ANY ($1::text::pg_catalog.oid[])
)
SELECT 'column' AS kind, r.nspname AS schema, a.attname AS name, r.oid,
       pg_catalog.format('%s.%I', r.qname, a.attname) AS identity, r.qname AS parent,
       0::bigint AS child_count, NULL::bigint AS size_bytes, false AS size_estimated,
       NULL::bigint AS table_bytes, NULL::bigint AS index_bytes,
       pg_catalog.col_description(r.oid, a.attnum) AS comment,
       pg_catalog.format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull
                        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint nn
                                        WHERE nn.conrelid = a.attrelid AND nn.contype = 'n'
                                          AND nn.conkey = ARRAY[a.attnum] AND NOT nn.convalidated)
                   THEN ' NOT NULL' ELSE '' END AS detail,
       false AS detail_locked, 1 AS grp, a.attnum::integer AS pos
FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
WHERE a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'constraint', r.nspname, con.conname, con.oid,
       pg_catalog.format('%I ON %s', con.conname, r.qname), r.qname, 0, NULL, false, NULL, NULL,
       pg_catalog.obj_description(con.oid, 'pg_constraint'),
       CASE WHEN con.contype IN ('c', 'x') AND r.oid IN (SELECT oid FROM busy) THEN NULL
            ELSE pg_catalog.pg_get_constraintdef(con.oid) END,
       con.contype IN ('c', 'x') AND r.oid IN (SELECT oid FROM busy), 2, 0
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
WHERE con.contype <> 'n' OR NOT con.convalidated
UNION ALL
SELECT 'index', n.nspname, ic.relname, ic.oid,
       pg_catalog.format('%I.%I', n.nspname, ic.relname), r.qname, 0,
       -- an index of a locked table is estimated too (its table is opened with it)
       CASE WHEN ic.oid IN (SELECT oid FROM busy) OR r.oid IN (SELECT oid FROM busy)
            THEN ic.relpages::bigint * pg_catalog.current_setting('block_size')::bigint
            ELSE pg_catalog.pg_total_relation_size(ic.oid) END,
       ic.oid IN (SELECT oid FROM busy) OR r.oid IN (SELECT oid FROM busy), NULL, NULL,
       pg_catalog.obj_description(ic.oid, 'pg_class'),
       CASE WHEN r.oid IN (SELECT oid FROM busy) THEN NULL
            ELSE pg_catalog.pg_get_indexdef(ic.oid) END,
       r.oid IN (SELECT oid FROM busy), 3, 0
FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
UNION ALL
SELECT 'trigger', r.nspname, t.tgname, t.oid, pg_catalog.format('%I ON %s', t.tgname, r.qname),
       r.qname, 0, NULL, false, NULL, NULL, pg_catalog.obj_description(t.oid, 'pg_trigger'),
       CASE WHEN t.tgqual IS NOT NULL AND r.oid IN (SELECT oid FROM busy) THEN NULL
            ELSE pg_catalog.pg_get_triggerdef(t.oid) END,
       t.tgqual IS NOT NULL AND r.oid IN (SELECT oid FROM busy), 4, 0
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'policy', r.nspname, p.polname, p.oid, pg_catalog.format('%I ON %s', p.polname, r.qname),
       r.qname, 0, NULL, false, NULL, NULL, pg_catalog.obj_description(p.oid, 'pg_policy'),
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END, false, 5, 0
FROM rel r JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
UNION ALL
SELECT 'partition', n.nspname, pc.relname, pc.oid,
       pg_catalog.format('%I.%I', n.nspname, pc.relname), r.qname, pc.relnatts,
       sz.table_bytes + sz.index_bytes,
       pc.oid IN (SELECT oid FROM busy), sz.table_bytes, sz.index_bytes,
       pg_catalog.obj_description(pc.oid, 'pg_class'),
       CASE WHEN pc.oid IN (SELECT oid FROM busy) THEN NULL
            ELSE pg_catalog.pg_get_expr(pc.relpartbound, pc.oid) END,
       pc.oid IN (SELECT oid FROM busy), 6, 0
FROM rel r JOIN pg_catalog.pg_inherits h ON h.inhparent = r.oid
JOIN pg_catalog.pg_class pc ON pc.oid = h.inhrelid AND pc.relispartition
JOIN pg_catalog.pg_namespace n ON n.oid = pc.relnamespace
-- a partition's size in two parts, as lookup.sql reads a table's: the table (heap with its
-- maps, TOAST with its index) and its indexes; the catalog's estimate when busy
CROSS JOIN LATERAL (
    SELECT CASE WHEN pc.oid IN (SELECT oid FROM busy)
                THEN (pc.relpages::bigint
                      + coalesce((SELECT sum(x.relpages)::bigint FROM pg_catalog.pg_class x
                                  WHERE x.oid = pc.reltoastrelid
                                     OR x.oid IN (SELECT xi.indexrelid FROM pg_catalog.pg_index xi
                                                  WHERE xi.indrelid = pc.reltoastrelid)), 0))
                     * pg_catalog.current_setting('block_size')::bigint
                ELSE pg_catalog.pg_table_size(pc.oid) END AS table_bytes,
           CASE WHEN pc.oid IN (SELECT oid FROM busy)
                THEN coalesce((SELECT sum(x.relpages)::bigint FROM pg_catalog.pg_index xi
                               JOIN pg_catalog.pg_class x ON x.oid = xi.indexrelid
                               WHERE xi.indrelid = pc.oid), 0)
                     * pg_catalog.current_setting('block_size')::bigint
                ELSE pg_catalog.pg_indexes_size(pc.oid) END AS index_bytes
) sz
ORDER BY parent, grp, pos, name
