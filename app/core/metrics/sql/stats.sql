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
-- ($1..$6).
WITH r AS (
%ROWS%
), gaps AS (
    SELECT d.id, percentile_cont(0.9) WITHIN GROUP (ORDER BY d.gap) AS native_s
    FROM (SELECT t.id,
                 extract(epoch FROM t.ts - lag(t.ts) OVER (PARTITION BY t.id ORDER BY t.ts))
                     ::float8 AS gap
          FROM (SELECT DISTINCT r.id, r.ts FROM r) t) d
    WHERE d.gap IS NOT NULL
    GROUP BY d.id
)
SELECT r.id::text AS key,
       count(*) AS n,
       count(r.v) AS nv,
       min(r.v) AS min,
       max(r.v) AS max,
       avg(r.v) AS mean,
       (array_agg(r.v ORDER BY r.ts DESC, r.v DESC) FILTER (WHERE r.v IS NOT NULL))[1] AS last,
       (extract(epoch FROM min(r.ts)) * 1000)::bigint AS first_ms,
       (extract(epoch FROM max(r.ts)) * 1000)::bigint AS last_ms,
       count(DISTINCT r.ts) AS instants,
       (SELECT g.native_s FROM gaps g WHERE g.id = r.id) AS native_s
FROM r
GROUP BY r.id
HAVING $3::text IS NOT NULL
