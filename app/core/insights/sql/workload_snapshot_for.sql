-- The workload snapshot taken by the run that last applied version $1: the newest snapshot
-- naming it taken before that apply event; with when the snapshot was taken and when the
-- version was applied (UTC).
SELECT w.id,
       to_char(w.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS taken_at,
       to_char(e.happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       w.stats_since,
       w.queries::text AS queries
FROM uaip_ledger.uaip_migration_events e
JOIN LATERAL (SELECT s.*
              FROM uaip_ledger.uaip_workload_snapshots s
              WHERE $1 = ANY (s.versions) AND s.taken_at <= e.happened_at
              ORDER BY s.taken_at DESC
              LIMIT 1) w ON true
WHERE e.version = $1 AND e.action = 'apply' AND e.outcome = 'ok'
ORDER BY e.happened_at DESC
LIMIT 1
