-- A migration another tool applied, taken over (uaip-migrate adopt): its ledger row and its
-- 'adopt' event naming the tool and the foreign row ($6), in the caller's transaction. A plain
-- INSERT, never an upsert: a row already there (another run) refuses. The runner's advisory
-- lock is checked right before (ledger_lock_check.sql).
WITH adopted AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    SELECT $1, $2, $3, $4, $5, 0, 'applied', NULL
    ON CONFLICT (version) DO NOTHING
    RETURNING version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT version, $2, 'adopt', 'ok', $5, 0, $3, $6 FROM adopted
    RETURNING id
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = 1 THEN 1
            ELSE uaip_ledger.fail(format('version %s is in the ledger already: another run '
                                         'recorded it meanwhile; nothing was adopted',
                                         $1::text))
       END
