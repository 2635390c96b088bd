-- $8: the event's detail (how the lock attempts went), NULL when there is none.
-- Duration NULL = time since the transaction began (the runner sends this in its pipeline).
-- One statement per migration: the ledger row and its 'apply' event; returns the duration.
-- A plain INSERT, never an upsert: a row already there means another run applied this
-- version meanwhile, and this run's migration rolls back instead of hiding the duplicate.
-- That the runner's advisory lock is still held is checked right before, in the same
-- transaction (ledger_lock_check.sql).
-- $7 (not NULL: the script ran without a session reset or a lock check after it, as it
-- cannot run user code) fails with that text when an event trigger is enabled, which could
-- have run user code in it after all: the runner then runs it again with both.
WITH applied AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    SELECT $1, $2, $3, $4, $5,
           coalesce($6::int, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int),
           'applied', NULL
    ON CONFLICT (version) DO NOTHING
    RETURNING version, duration_ms
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT version, $2, 'apply', 'ok', $5, duration_ms, $3, $8::text FROM applied
    RETURNING duration_ms
)
SELECT CASE WHEN $7::text IS NOT NULL
                 AND EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D')
            THEN uaip_ledger.fail($7::text)
            WHEN (SELECT count(*) FROM logged) = 1 THEN (SELECT duration_ms FROM logged)
            ELSE uaip_ledger.fail(format('version %s is in the ledger already: another run '
                                         'applied it meanwhile; this run rolled it back',
                                         $1::text))
       END
