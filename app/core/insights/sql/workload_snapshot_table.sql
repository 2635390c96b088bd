-- Where `up` keeps its workload snapshots, in the ledger's schema (made by the first snapshot,
-- under the migration lock): before a run applies its migrations (versions), the top
-- statements of pg_stat_statements with their counters and generic plans (queries: a JSON
-- array), so `insights since VERSION` can tie a slowdown to the run that applied VERSION.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_workload_snapshots (
    id          bigserial PRIMARY KEY,
    taken_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    taken_by    text NOT NULL DEFAULT current_user,
    versions    text[] NOT NULL,
    stats_since text,
    queries     jsonb NOT NULL
)
