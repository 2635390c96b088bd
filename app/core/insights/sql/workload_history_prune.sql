-- Bounds the workload history: deletes the samples taken more than $1 seconds ago and those
-- beyond the newest $2 (their statements and tables with them). How many were deleted.
WITH gone AS (
    DELETE FROM uaip_ledger.uaip_workload_history_samples s
    WHERE s.taken_at < clock_timestamp() - $1::bigint * interval '1 second'
       OR s.id NOT IN (SELECT k.id FROM uaip_ledger.uaip_workload_history_samples k
                       ORDER BY k.taken_at DESC, k.id DESC
                       LIMIT $2)
    RETURNING 1
)
SELECT count(*)::int AS pruned FROM gone
