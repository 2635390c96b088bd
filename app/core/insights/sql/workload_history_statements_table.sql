-- The workload history's statements: per sample, the counters so far of the top statements of
-- pg_stat_statements (every role's rows summed); deleted with their sample.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_workload_history_statements (
    sample_id bigint NOT NULL
        REFERENCES uaip_ledger.uaip_workload_history_samples (id) ON DELETE CASCADE,
    queryid   text NOT NULL,
    calls     bigint NOT NULL,
    total_ms  double precision NOT NULL,
    rows      bigint NOT NULL,
    PRIMARY KEY (sample_id, queryid)
)
