-- Every table, partitioned table, view, materialized view and foreign table outside the
-- system schemas, with the planner's row estimate (reltuples; before the first ANALYZE the
-- statistics' live-row count of a table, or 0 when its file is empty; -1 = not known: not
-- analysed, and no statistics yet), whether it has a primary key and the extension it is a
-- member of (pg_depend deptype 'e': pg_stat_statements, hypopg_list_indexes, ...; NULL for
-- anything else), read from the catalog alone. Never counts rows.
-- Never waits on a table lock: whether a file is empty is read (pg_relation_size, which opens
-- the table with ACCESS SHARE) only for a table nobody holds or awaits in ACCESS EXCLUSIVE
-- (pg_locks, which takes no table lock), and not at all when the first parameter (catalog only) is true: the
-- caller runs this under a lock_timeout and, should a lock come between the look at pg_locks
-- and the read, again with the first parameter true. Such a table's estimate is -1 (not known).
WITH locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
)
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind::text AS kind,
       CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint
            WHEN c.relkind NOT IN ('r', 'm') THEN -1
            WHEN pg_catalog.pg_stat_get_live_tuples(c.oid) > 0
                THEN pg_catalog.pg_stat_get_live_tuples(c.oid)
            WHEN $1::bool OR c.oid IN (SELECT relation FROM locked) THEN -1
            WHEN pg_catalog.pg_relation_size(c.oid) = 0 THEN 0
            ELSE -1 END AS estimate,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint p
               WHERE p.conrelid = c.oid AND p.contype = 'p') AS has_pk,
       (SELECT e.extname
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
        WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.objid = c.oid AND d.objsubid = 0
          AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.deptype = 'e'
        ORDER BY e.extname LIMIT 1) AS extension_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE E'pg\\_toast%'
  AND n.nspname NOT LIKE E'pg\\_temp\\_%'
ORDER BY n.nspname, c.relname
