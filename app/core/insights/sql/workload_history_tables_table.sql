-- The workload history's tables: per sample, each table's size with its indexes and TOAST (from
-- pg_class, as of its last vacuum or analyze: no lock taken), live and dead tuples; deleted
-- with their sample.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_workload_history_tables (
    sample_id  bigint NOT NULL
        REFERENCES uaip_ledger.uaip_workload_history_samples (id) ON DELETE CASCADE,
    schemaname text NOT NULL,
    relname    text NOT NULL,
    bytes      bigint NOT NULL,
    live       bigint NOT NULL,
    dead       bigint NOT NULL,
    PRIMARY KEY (sample_id, schemaname, relname)
)
