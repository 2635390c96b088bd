-- The workload history's tables over the last $1 days: the table $2 (its name, or schema.name),
-- or (NULL) the $3 biggest in the window's newest sample that has tables; by table, oldest
-- first.
WITH rows_in AS (
    SELECT t.sample_id, t.schemaname, t.relname, t.bytes, t.live, t.dead, s.taken_at
    FROM uaip_ledger.uaip_workload_history_tables t
    JOIN uaip_ledger.uaip_workload_history_samples s ON s.id = t.sample_id
    WHERE s.taken_at >= clock_timestamp() - $1::int * interval '1 day'
      AND ($2::text IS NULL OR $2::text IN (t.relname, t.schemaname || '.' || t.relname))
),
chosen AS (
    SELECT r.schemaname, r.relname, r.bytes
    FROM rows_in r
    WHERE r.sample_id = (SELECT max(l.sample_id) FROM rows_in l)
    ORDER BY r.bytes DESC, r.schemaname, r.relname
    LIMIT $3
)
SELECT r.sample_id, r.schemaname, r.relname, r.bytes, r.live, r.dead
FROM rows_in r
JOIN chosen c ON c.schemaname = r.schemaname AND c.relname = r.relname
ORDER BY c.bytes DESC, r.schemaname, r.relname, r.taken_at, r.sample_id
