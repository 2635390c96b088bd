-- Table statistics of the connected database: size (with indexes and TOAST), live and dead
-- tuples, last (auto)vacuum and (auto)analyze (UTC), sequential and index scans.
SELECT s.schemaname,
       s.relname,
       pg_total_relation_size(s.relid) AS total_bytes,
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
FROM pg_stat_user_tables s
ORDER BY pg_total_relation_size(s.relid) DESC, s.schemaname, s.relname
