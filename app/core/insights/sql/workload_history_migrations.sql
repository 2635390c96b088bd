-- The migrations applied and rolled back (successfully) in the last $1 days, oldest first:
-- version, name, what, when (UTC, and in ms since the epoch).
SELECT e.version, coalesce(e.name, '') AS name, e.action,
       to_char(e.happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS happened_at,
       (extract(epoch FROM e.happened_at) * 1000)::bigint AS happened_ms
FROM uaip_ledger.uaip_migration_events e
WHERE e.action IN ('apply', 'rollback')
  AND e.outcome = 'ok'
  AND e.happened_at >= clock_timestamp() - $1::int * interval '1 day'
ORDER BY e.happened_at, e.id
