-- Every index of this database but the catalogs': its definition, access method, key columns,
-- operator classes, collations, expressions and predicate (to find duplicates), size from
-- pg_class (no lock taken), scans since the statistics' reset, whether it is unique, primary,
-- valid and ready, whether a constraint stands on it (its own, or a foreign key referencing
-- through it), whether it is the table's replica identity, and the table's live rows. Whether
-- it is a partition of a partitioned index (dropped only with its parent). The definition,
-- expressions and predicate need a lock on the table: they are left NULL (locked) where an
-- ACCESS EXCLUSIVE lock is held or waited for on the table or the index, rather than waited
-- behind it.
WITH locked AS (
    SELECT DISTINCT k.relation
    FROM pg_catalog.pg_locks k
    WHERE k.locktype = 'relation' AND k.mode = 'AccessExclusiveLock'
      AND k.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = current_database())
),
-- the constraints on each index, gathered once: pg_constraint has no index on conindid, and a
-- lookup per index read it whole for each (10,000 tables: 10^8 rows)
constraints AS (
    SELECT k.conindid, string_agg(k.conname, ', ' ORDER BY k.conname) AS names
    FROM pg_catalog.pg_constraint k
    WHERE k.conindid <> 0
    GROUP BY k.conindid
)
SELECT i.indexrelid::bigint AS index_oid,
       n.nspname AS schemaname,
       t.relname AS tablename,
       c.relname AS indexname,
       (i.indrelid IN (SELECT relation FROM locked) OR i.indexrelid IN (SELECT relation FROM locked))
           AS locked,
       CASE WHEN i.indrelid NOT IN (SELECT relation FROM locked)
                 AND i.indexrelid NOT IN (SELECT relation FROM locked)
            THEN pg_get_indexdef(i.indexrelid) END AS definition,
       am.amname,
       i.indkey::text AS indkey,
       i.indnkeyatts AS key_columns,
       i.indclass::text AS indclass,
       i.indcollation::text AS indcollation,
       i.indoption::text AS indoption,
       i.indnullsnotdistinct,
       i.indimmediate,
       CASE WHEN i.indexprs IS NULL THEN ''
            WHEN i.indrelid NOT IN (SELECT relation FROM locked)
            THEN pg_get_expr(i.indexprs, i.indrelid) END AS expressions,
       CASE WHEN i.indpred IS NULL THEN ''
            WHEN i.indrelid NOT IN (SELECT relation FROM locked)
            THEN pg_get_expr(i.indpred, i.indrelid) END AS predicate,
       EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
           AS is_partition,
       c.relpages::bigint * current_setting('block_size')::bigint AS bytes,
       coalesce(s.idx_scan, 0) AS idx_scan,
       i.indisunique,
       i.indisprimary,
       i.indisvalid,
       i.indisready,
       i.indisreplident,
       ic.conindid IS NOT NULL AS backs_constraint,
       ic.names AS constraints,
       greatest(t.reltuples, 0)::bigint AS table_rows,
       (SELECT json_agg(coalesce(a.attname::text, '(expression)') ORDER BY k.ord)
        FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
        LEFT JOIN pg_catalog.pg_attribute a
               ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0)::text
           AS column_names
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = c.relam
LEFT JOIN pg_catalog.pg_stat_all_indexes s ON s.indexrelid = i.indexrelid
LEFT JOIN constraints ic ON ic.conindid = i.indexrelid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE E'pg\\_toast%'
  AND n.nspname NOT LIKE E'pg\\_temp\\_%'
  AND c.relkind = 'i'
ORDER BY n.nspname, t.relname, c.relname
