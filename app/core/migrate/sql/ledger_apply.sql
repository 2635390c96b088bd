-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One statement per migration: the ledger row and its 'apply' event; returns the duration.
WITH applied AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    VALUES ($1, $2, $3, $4, $5, coalesce($6::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int),
            'applied', NULL)
    ON CONFLICT (version) DO UPDATE
       SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,
           down_checksum = EXCLUDED.down_checksum, client = EXCLUDED.client,
           duration_ms = EXCLUDED.duration_ms, state = 'applied', error = NULL,
           progress_action = NULL, progress_done = NULL, progress_total = NULL, progress_at = NULL,
           applied_at = now(), applied_by = current_user
    RETURNING version, duration_ms
)
INSERT INTO uaip_ledger.uaip_migration_events (version, name, action, outcome, client, duration_ms, checksum)
SELECT version, $2, 'apply', 'ok', $5, duration_ms, $3 FROM applied
RETURNING duration_ms
