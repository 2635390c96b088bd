-- The workload history's statement texts, one per queryid (the latest seen), so a series names
-- its statement; a text no sample refers to any more is deleted when samples are pruned.
CREATE TABLE IF NOT EXISTS uaip_ledger.uaip_workload_history_texts (
    queryid   text PRIMARY KEY,
    query     text NOT NULL,
    username  text
)
