-- Sessions idle in a transaction, oldest first: who, where, since when (ms), the last
-- statement, and whether the session keeps back the xmin horizon.
SELECT a.pid,
       coalesce(a.usename, '') AS usename,
       coalesce(a.datname, '') AS datname,
       coalesce(a.application_name, '') AS application_name,
       a.state,
       (extract(epoch FROM now() - a.xact_start) * 1000)::bigint AS xact_ms,
       (extract(epoch FROM now() - a.state_change) * 1000)::bigint AS state_ms,
       coalesce(a.query, '') AS query,
       a.backend_xmin IS NOT NULL AS holds_xmin
FROM pg_catalog.pg_stat_activity a
WHERE a.state IN ('idle in transaction', 'idle in transaction (aborted)')
ORDER BY a.xact_start, a.pid
