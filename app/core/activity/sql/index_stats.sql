-- Index statistics of the connected database: size, scans, tuples read and fetched.
-- Never waits on a lock: pg_relation_size opens the index (ACCESS SHARE), so it is only called
-- for an index that neither it nor its table is held or awaited in ACCESS EXCLUSIVE by anyone
-- (pg_locks, which takes no table lock); any other index, and every index when the first parameter (catalog
-- only) is true, gets the catalog's estimate (relpages times the block size, as of the last
-- VACUUM, ANALYZE or index build), with size_estimated true. See table_stats.sql.
WITH locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
),
sized AS (
    SELECT s.indexrelid,
           $1::bool OR s.indexrelid IN (SELECT relation FROM locked)
               OR s.relid IN (SELECT relation FROM locked) AS size_estimated
    FROM pg_catalog.pg_stat_user_indexes s
)
SELECT s.schemaname,
       s.relname,
       s.indexrelname,
       CASE WHEN z.size_estimated
            THEN c.relpages::bigint * pg_catalog.current_setting('block_size')::bigint
            ELSE pg_catalog.pg_relation_size(s.indexrelid) END AS bytes,
       z.size_estimated,
       s.idx_scan,
       s.idx_tup_read,
       s.idx_tup_fetch
FROM pg_catalog.pg_stat_user_indexes s
JOIN sized z ON z.indexrelid = s.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = s.indexrelid
ORDER BY 4 DESC, s.schemaname, s.relname, s.indexrelname
