INSERT INTO uaip_schema_migrations
    (version, name, checksum, down_checksum, client, duration_ms, state, error)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (version) DO UPDATE
   SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,
       down_checksum = EXCLUDED.down_checksum, client = EXCLUDED.client,
       duration_ms = EXCLUDED.duration_ms, state = EXCLUDED.state, error = EXCLUDED.error,
       applied_at = now(), applied_by = current_user
