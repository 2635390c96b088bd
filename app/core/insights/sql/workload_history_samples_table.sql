-- The workload history's samples, in the ledger's schema (WorkloadHistory::record, made by the
-- first one): when each was taken, since when pg_stat_statements counted then (a reset in
-- between starts a new segment of every statement's series), whether its statements were
-- recorded (false: pg_stat_statements was not ready), and this database's client connections.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_workload_history_samples (
    id                  bigserial PRIMARY KEY,
    taken_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    taken_by            text NOT NULL DEFAULT current_user,
    stats_since         text,
    statements_recorded boolean NOT NULL,
    connections         integer NOT NULL,
    active              integer NOT NULL,
    idle_in_transaction integer NOT NULL
)
