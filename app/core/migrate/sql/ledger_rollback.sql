-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One round trip per migration: remove the ledger row and record the 'rollback' event.
WITH removed AS (
    DELETE FROM uaip_schema_migrations WHERE version = $1 RETURNING version
)
INSERT INTO uaip_migration_events (version, name, action, outcome, client, duration_ms, checksum)
SELECT $1, $2, 'rollback', 'ok', $3,
       coalesce($4::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int), $5
