-- A ledger row written outside the migration's own transaction: baseline, repair, and the
-- dirty row of a no-transaction run with how far it got ($9..$14, NULL when not running).
-- A row already there keeps when, by whom, from where and how fast it was applied: a failed
-- rollback's dirty row or a repair decision is not a new apply.
INSERT INTO uaip_ledger.uaip_schema_migrations
    (version, name, checksum, down_checksum, client, duration_ms, state, error,
     progress_action, progress_done, progress_total, progress_at, progress_checksum,
     progress_batch)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
ON CONFLICT (version) DO UPDATE
   SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,
       down_checksum = EXCLUDED.down_checksum, state = EXCLUDED.state, error = EXCLUDED.error,
       progress_action = EXCLUDED.progress_action, progress_done = EXCLUDED.progress_done,
       progress_total = EXCLUDED.progress_total, progress_at = EXCLUDED.progress_at,
       progress_checksum = EXCLUDED.progress_checksum, progress_batch = EXCLUDED.progress_batch
