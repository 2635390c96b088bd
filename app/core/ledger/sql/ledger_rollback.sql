-- $7: the event's detail (how the lock attempts went), NULL when there is none.
-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One statement per migration: remove the ledger row and record the 'rollback' event;
-- returns the duration.
-- $1 is the version exactly as the ledger wrote it (the folder may spell it 0007 for 7).
-- Exactly one row must go, or the statement fails and the rollback with it; the event is
-- written only for the row that went.
-- The runner's lock is checked right before, as for an apply (ledger_lock_check.sql).
-- $6: as $7 in ledger_apply.sql.
WITH removed AS (
    DELETE FROM uaip_ledger.uaip_schema_migrations
    WHERE version = $1
    RETURNING version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT version, $2, 'rollback', 'ok', $3,
           coalesce($4::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int), $5,
           $7::text
    FROM removed
    RETURNING duration_ms
)
SELECT CASE WHEN $6::text IS NOT NULL
                 AND EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D')
            THEN uaip_ledger.fail($6::text)
            WHEN (SELECT count(*) FROM logged) = 1 THEN (SELECT duration_ms FROM logged)
            ELSE uaip_ledger.fail(format('the ledger has no row for version %s (it was removed '
                                         'by someone else?): nothing was rolled back', $1::text))
       END
