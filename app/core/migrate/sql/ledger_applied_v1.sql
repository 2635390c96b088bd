SELECT version, name, checksum, down_checksum,
       to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       applied_by, client, duration_ms, state, error
FROM uaip_schema_migrations
ORDER BY applied_at, version
