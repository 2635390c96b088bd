SELECT id, version, name, action, outcome,
       to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS happened_at,
       actor, client, duration_ms, checksum, error
FROM uaip_ledger.uaip_migration_events
WHERE ($1::text IS NULL OR version = $1)
ORDER BY id DESC
LIMIT $2
