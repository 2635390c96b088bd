-- The baseline kept for expand version $1 (no row: none): when, since when pg_stat_statements
-- counted then (UTC, to the microsecond, as workload_stats_reset.sql writes it), and the calls
-- of each statement (a JSON object, queryid -> calls).
SELECT b.taken_at::text AS taken_at,
       to_char(b.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stats_reset,
       b.calls::text AS calls
FROM uaip_ledger.uaip_online_baselines b
WHERE b.version = $1
