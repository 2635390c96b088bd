-- The workload history's samples of the last $1 days, oldest first: when (UTC, and in ms since
-- the epoch), since when pg_stat_statements counted, whether statements were recorded, this
-- database's client connections then.
SELECT s.id,
       to_char(s.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS taken_at,
       (extract(epoch FROM s.taken_at) * 1000)::bigint AS taken_ms,
       s.stats_since, s.statements_recorded, s.connections, s.active, s.idle_in_transaction
FROM uaip_ledger.uaip_workload_history_samples s
WHERE s.taken_at >= clock_timestamp() - $1::int * interval '1 day'
ORDER BY s.taken_at, s.id
