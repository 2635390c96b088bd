-- The legend's statistics of a panel's series: per series key, over the raw rows in [$1, $2)
-- (not over buckets, so they do not change with the plot width, the zoom or the bucket size):
-- rows, values (non-NULL), min, max, mean (every row weighs the same), the last value (the
-- row with the latest time; among rows of the same time the largest value) and the first and
-- last row times (ms since the epoch), from which MetricsStats reads the series' sampling
-- interval. The ROWS splice point takes the panel's *_rows.sql ($1..$6).
WITH r AS (
%ROWS%
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
       count(DISTINCT r.ts) AS instants
FROM r
GROUP BY r.id
HAVING $3::text IS NOT NULL
