-- Where `up` keeps the workload's counters right after it applied the expand of an online
-- change (-- uaip:expand), in the ledger's schema (made by the first baseline, under the
-- migration lock): every statement of this database pg_stat_statements counted then (calls: a
-- JSON object, queryid -> calls) and since when it counted, so that the contract's gate counts
-- only the calls made since. One row per expand (version: its version's groups without leading
-- zeros, ContractGate::baselineKey); the newest wins.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_online_baselines (
    version     text PRIMARY KEY,
    taken_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    taken_by    text NOT NULL DEFAULT current_user,
    stats_reset timestamptz,
    calls       jsonb NOT NULL
)
