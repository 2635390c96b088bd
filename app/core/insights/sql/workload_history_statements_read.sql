-- The counters of the workload history's statements over the last $1 days: of queryid $2, or
-- (NULL) of the $3 statements that took the most time in the window (each interval's growth of
-- total time summed, a counter that went down counted from zero); by statement, oldest first,
-- with the statement's text and role.
WITH rows_in AS (
    SELECT st.sample_id, st.queryid, st.calls, st.total_ms, s.taken_at
    FROM uaip_ledger.uaip_workload_history_statements st
    JOIN uaip_ledger.uaip_workload_history_samples s ON s.id = st.sample_id
    WHERE s.taken_at >= clock_timestamp() - $1::int * interval '1 day'
      AND ($2::text IS NULL OR st.queryid = $2::text)
),
grown AS (
    SELECT r.queryid,
           CASE WHEN lag(r.total_ms) OVER w IS NULL THEN 0
                WHEN r.total_ms < lag(r.total_ms) OVER w THEN r.total_ms
                ELSE r.total_ms - lag(r.total_ms) OVER w END AS grew
    FROM rows_in r
    WINDOW w AS (PARTITION BY r.queryid ORDER BY r.taken_at, r.sample_id)
),
chosen AS (
    SELECT g.queryid, sum(g.grew) AS window_ms
    FROM grown g
    GROUP BY g.queryid
    ORDER BY sum(g.grew) DESC, g.queryid
    LIMIT $3
)
SELECT r.sample_id, r.queryid, r.calls, r.total_ms, c.window_ms,
       coalesce(t.query, '') AS query, coalesce(t.username, '') AS username
FROM rows_in r
JOIN chosen c ON c.queryid = r.queryid
LEFT JOIN uaip_ledger.uaip_workload_history_texts t ON t.queryid = r.queryid
ORDER BY c.window_ms DESC, r.queryid, r.taken_at, r.sample_id
