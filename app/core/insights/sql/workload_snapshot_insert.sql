-- One workload snapshot: $1 the versions the run is about to apply (a JSON array), $2 since
-- when pg_stat_statements counts (UTC text, NULL when never reset), $3 the statements (a JSON
-- array of objects: queryid, query, calls, total_ms, rows, plan, cost).
INSERT INTO uaip_ledger.uaip_workload_snapshots (versions, stats_since, queries)
SELECT ARRAY(SELECT json_array_elements_text($1::json)), $2, $3::jsonb
RETURNING id
