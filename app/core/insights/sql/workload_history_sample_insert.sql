-- One workload history sample: $1 since when pg_stat_statements counts (UTC text, NULL when
-- never reset or not read), $2 whether its statements are recorded; this database's client
-- connections now: all, active, idle in a transaction. Its id and when it was taken (UTC).
INSERT INTO uaip_ledger.uaip_workload_history_samples
    (stats_since, statements_recorded, connections, active, idle_in_transaction)
SELECT $1::text, $2::boolean, count(*)::int,
       count(*) FILTER (WHERE a.state = 'active')::int,
       count(*) FILTER (WHERE a.state IN ('idle in transaction',
                                          'idle in transaction (aborted)'))::int
FROM pg_catalog.pg_stat_activity a
WHERE a.backend_type = 'client backend'
  AND a.datname = pg_catalog.current_database()
RETURNING id, to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS taken_at,
          connections, active, idle_in_transaction
