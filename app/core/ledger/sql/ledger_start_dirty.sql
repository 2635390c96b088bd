-- The first dirty row of a no-transaction run, written under the runner's lock (after
-- ledger_lock_check.sql) before its first statement: $1..$14 as in ledger_insert.sql; $15 the
-- state the version's row must be in: NULL = none (an apply: a plain insert, never an upsert),
-- 'applied' (a rollback), 'dirty' (repair --resume). Anything else (another run wrote or
-- changed the row meanwhile) fails, and nothing of the file runs.
WITH changed AS (
    UPDATE uaip_ledger.uaip_schema_migrations
       SET name = $2, checksum = $3, down_checksum = $4, state = $7, error = $8,
           progress_action = $9, progress_done = $10, progress_total = $11, progress_at = $12,
           progress_checksum = $13, progress_batch = $14
     WHERE version = $1 AND $15::text IS NOT NULL AND state = $15::text
    RETURNING 1
), inserted AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error,
         progress_action, progress_done, progress_total, progress_at, progress_checksum,
         progress_batch)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14
    WHERE $15::text IS NULL
    ON CONFLICT (version) DO NOTHING
    RETURNING 1
)
SELECT CASE WHEN (SELECT count(*) FROM changed) + (SELECT count(*) FROM inserted) = 1 THEN 1
            ELSE uaip_ledger.fail(format('the ledger''s row for version %s is not as this run '
                                         'found it (another run wrote it meanwhile?): none of '
                                         'its statements ran', $1::text))
       END
