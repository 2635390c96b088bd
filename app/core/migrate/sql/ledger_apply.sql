-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One statement per migration: the ledger row and its 'apply' event; returns the duration.
-- A plain INSERT, never an upsert: a row already there means another run applied this
-- version meanwhile, and this run's migration rolls back instead of hiding the duplicate.
-- The runner's advisory lock ($7, $8) must still be held: a script that released it (a
-- function calling pg_advisory_unlock_all, say) rolls back here. $9 false skips the look at
-- pg_locks (it copies the server's whole lock table) for a script that runs no user code
-- (MigrationScriptRunner::cannotChangeSession, no event trigger): it cannot have released it.
WITH held AS (
    SELECT NOT coalesce($9::bool, true) OR EXISTS (SELECT FROM pg_catalog.pg_locks
                   WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid()
                     AND classid = $7::int::oid AND objid = $8::int::oid AND objsubid = 2
                     AND granted) AS ok
), applied AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    SELECT $1, $2, $3, $4, $5,
           coalesce($6::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int),
           'applied', NULL
    FROM held WHERE held.ok
    ON CONFLICT (version) DO NOTHING
    RETURNING version, duration_ms
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum)
    SELECT version, $2, 'apply', 'ok', $5, duration_ms, $3 FROM applied
    RETURNING duration_ms
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = 1 THEN (SELECT duration_ms FROM logged)
            WHEN NOT (SELECT ok FROM held)
            THEN uaip_ledger.fail('the migration lock was released while this migration ran '
                                  '(pg_advisory_unlock or DISCARD ALL in its SQL?): it was '
                                  'rolled back')
            ELSE uaip_ledger.fail(format('version %s is in the ledger already: another run '
                                         'applied it meanwhile; this run rolled it back',
                                         $1::text))
       END,
       -- $10 'off': this transaction's COMMIT does not wait for the WAL flush (a run's
       -- migrations but its last; as SET LOCAL, in this statement instead of one of its own)
       CASE WHEN $10::text IS NOT NULL
            THEN pg_catalog.set_config('synchronous_commit', $10::text, true) END
