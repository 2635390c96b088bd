-- The legend's statistics of a panel's series: per series key, over the raw rows in [$1, $2)
-- (not over buckets, so they do not change with the plot width, the zoom or the bucket size):
-- rows, values (non-NULL), min, max, mean (every row weighs the same), the last value (the
-- row with the latest time; among rows of the same time the largest value) and the first and
-- last row times (ms since the epoch), and the series' native interval (native_s): the 90th
-- percentile of the times between its consecutive distinct row times, in seconds (NULL with
-- fewer than two). Not the mean time between rows: rows twice a day clustered around midnight
-- have a mean of 12 h, but 12 h buckets leave every other one empty; their 90th percentile
-- gap is about a day. MetricsStats derives the panel's bucket floor from it, the chart where a
-- line is cut (a gap longer than it). The ROWS splice point takes the panel's *_rows.sql
-- ($1..$6). One pass: the gaps come from a window over the rows in (id, ts) order, and the
-- distinct row times are the positive gaps plus one (a count(DISTINCT ts) and a second scan of
-- the rows cost 1M rows twice the time).
WITH r AS (
%ROWS%
), w AS (
    SELECT r.id, r.ts, r.v,
           extract(epoch FROM r.ts - lag(r.ts) OVER (PARTITION BY r.id ORDER BY r.ts))::float8 AS gap
    FROM r
)
SELECT w.id::text AS key,
       count(*) AS n,
       count(w.v) AS nv,
       min(w.v) AS min,
       max(w.v) AS max,
       avg(w.v) AS mean,
       (array_agg(w.v ORDER BY w.ts DESC, w.v DESC) FILTER (WHERE w.v IS NOT NULL))[1] AS last,
       (extract(epoch FROM min(w.ts)) * 1000)::bigint AS first_ms,
       (extract(epoch FROM max(w.ts)) * 1000)::bigint AS last_ms,
       count(*) FILTER (WHERE w.gap > 0) + 1 AS instants,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY w.gap) FILTER (WHERE w.gap > 0) AS native_s
FROM w
GROUP BY w.id
HAVING $3::text IS NOT NULL
