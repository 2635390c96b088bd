INSERT INTO uaip_ledger.uaip_migration_events
    (version, name, action, outcome, client, duration_ms, checksum, error, detail)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
