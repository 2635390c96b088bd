SELECT id, version, name, action, outcome,
       pg_catalog.to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS happened_at,
       actor, client, duration_ms, checksum, error
FROM uaip_migration_events
WHERE ($1::pg_catalog.text IS NULL OR version OPERATOR(pg_catalog.=) $1)
ORDER BY id DESC
LIMIT $2
