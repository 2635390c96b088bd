-- Index statistics of the connected database: size, scans, tuples read and fetched.
SELECT s.schemaname,
       s.relname,
       s.indexrelname,
       pg_relation_size(s.indexrelid) AS bytes,
       s.idx_scan,
       s.idx_tup_read,
       s.idx_tup_fetch
FROM pg_stat_user_indexes s
ORDER BY pg_relation_size(s.indexrelid) DESC, s.schemaname, s.relname, s.indexrelname
