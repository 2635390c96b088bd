-- A no-transaction migration finished: its dirty row (written when it started) becomes
-- applied, with the 'apply' event; returns the duration. Exactly the dirty row of this run must
-- be there, or nothing is written (the lock is checked right before: ledger_lock_check.sql).
-- $7 and $8 as in ledger_apply.sql (the same parameter list); $7 NULL here.
WITH applied AS (
    UPDATE uaip_ledger.uaip_schema_migrations
       SET name = $2, checksum = $3, down_checksum = $4, client = $5,
           duration_ms = coalesce($6::int, duration_ms), state = 'applied', error = NULL,
           progress_action = NULL, progress_done = NULL, progress_total = NULL,
           progress_at = NULL, progress_checksum = NULL, progress_batch = NULL, applied_at = now(),
           applied_by = current_user
     WHERE version = $1 AND state = 'dirty'
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
            ELSE uaip_ledger.fail(format('the ledger has no unfinished row for version %s '
                                         '(another run changed it meanwhile?)', $1::text))
       END
