-- Table statistics of the connected database: size (with indexes and TOAST), live and dead
-- tuples, last (auto)vacuum and (auto)analyze (UTC), sequential and index scans.
-- Never waits on a table lock: pg_total_relation_size opens the table, its TOAST table and their
-- indexes (ACCESS SHARE each), so it is only called for a table none of whose relations another
-- session holds or awaits in ACCESS EXCLUSIVE (the one mode ACCESS SHARE conflicts with), read
-- from pg_locks, which takes no table lock. Any other table, and every table when the first parameter (catalog
-- only) is true, gets the catalog's estimate: the pages of the heap, its TOAST table and its
-- indexes (relpages, as of the last VACUUM, ANALYZE or index build) times the block size, with
-- size_estimated true. The caller runs this under a lock_timeout and, should a lock be taken
-- between the look at pg_locks and the read, runs it again with the first parameter true.
WITH locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
),
-- the tables whose exact size would wait: locked themselves, their TOAST table, or an index of
-- either
busy AS (
    SELECT relation AS oid FROM locked
    UNION
    SELECT c.oid FROM pg_catalog.pg_class c JOIN locked l ON l.relation = c.reltoastrelid
    UNION
    SELECT c.oid
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_index i ON i.indrelid IN (c.oid, c.reltoastrelid)
    JOIN locked l ON l.relation = i.indexrelid
    WHERE c.relkind IN ('r', 'm', 'p')
),
pages AS (
    SELECT i.indrelid AS relid, sum(ic.relpages)::bigint AS pages
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    GROUP BY i.indrelid
),
sized AS (
    SELECT s.relid,
           $1::bool OR s.relid IN (SELECT oid FROM busy) AS size_estimated,
           (c.relpages::bigint + coalesce(toast.relpages, 0) + coalesce(p.pages, 0)
            + coalesce(tp.pages, 0))
               * pg_catalog.current_setting('block_size')::bigint AS catalog_bytes
    FROM pg_catalog.pg_stat_user_tables s
    JOIN pg_catalog.pg_class c ON c.oid = s.relid
    LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid
    LEFT JOIN pages p ON p.relid = c.oid
    LEFT JOIN pages tp ON tp.relid = c.reltoastrelid
)
SELECT s.schemaname,
       s.relname,
       CASE WHEN z.size_estimated THEN z.catalog_bytes
            ELSE pg_catalog.pg_total_relation_size(s.relid) END AS total_bytes,
       z.size_estimated,
       s.n_live_tup,
       s.n_dead_tup,
       to_char(s.last_vacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_vacuum,
       to_char(s.last_autovacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS last_autovacuum,
       to_char(s.last_analyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_analyze,
       to_char(s.last_autoanalyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS last_autoanalyze,
       s.seq_scan,
       coalesce(s.idx_scan, 0) AS idx_scan
FROM pg_catalog.pg_stat_user_tables s
JOIN sized z ON z.relid = s.relid
ORDER BY 3 DESC, s.schemaname, s.relname
