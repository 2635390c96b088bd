-- A migration that is not the last of the run: its COMMIT does not wait for the WAL flush.
-- The run's last COMMIT (and every no-transaction step's ledger write) is synchronous and
-- flushes the WAL of all before it; until then a server crash can only lose a suffix of the
-- run, each migration together with its ledger row (WAL replays in order).
-- After the session reset (RESET ALL would undo it), just before the ledger write.
SET LOCAL synchronous_commit TO off
