-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One statement per migration: remove the ledger row and record the 'rollback' event;
-- returns the duration.
-- $1 is the version exactly as the ledger wrote it (the folder may spell it 0007 for 7).
-- Exactly one row must go, or the statement fails and the rollback with it; the event is
-- written only for the row that went.
-- The runner's advisory lock ($6, $7) must still be held, as for an apply: a down script
-- that released it (through a function calling pg_advisory_unlock_all, say) rolls back here.
-- $8 false skips the look at pg_locks for a script that runs no user code (see ledger_apply).
WITH held AS (
    SELECT NOT coalesce($8::bool, true) OR EXISTS (SELECT FROM pg_catalog.pg_locks
                   WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid()
                     AND classid = $6::int::oid AND objid = $7::int::oid AND objsubid = 2
                     AND granted) AS ok
), removed AS (
    DELETE FROM uaip_ledger.uaip_schema_migrations
    WHERE version = $1 AND (SELECT ok FROM held)
    RETURNING version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum)
    SELECT version, $2, 'rollback', 'ok', $3,
           coalesce($4::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int), $5
    FROM removed
    RETURNING duration_ms
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = 1 THEN (SELECT duration_ms FROM logged)
            WHEN NOT (SELECT ok FROM held)
            THEN uaip_ledger.fail('the migration lock was released while this migration was '
                                  'rolled back (pg_advisory_unlock or DISCARD ALL in its SQL?): '
                                  'nothing was rolled back')
            ELSE uaip_ledger.fail(format('the ledger has no row for version %s (it was removed '
                                         'by someone else?): nothing was rolled back', $1::text))
       END,
       -- $9 'off': the COMMIT does not wait for the WAL flush, as in ledger_apply.sql
       CASE WHEN $9::text IS NOT NULL
            THEN pg_catalog.set_config('synchronous_commit', $9::text, true) END
