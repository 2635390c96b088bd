-- One panel's series: per series key and bucket, count, mean, min, max (the band that keeps
-- spikes), sum and p50/p95. P50 and P95 are spliced in by MetricsQuery: NULL::float8 for the
-- default aggregations (then the grouping can hash), or the exact percentile_cont(...) WITHIN
-- GROUP (ORDER BY b.v) (a sort per group) when the request asks for percentiles.
-- BUCKETS is series_buckets.sql (the panel's rows r and their buckets b; $1..$8).
%BUCKETS%
SELECT b.id::text AS key,
       (extract(epoch FROM b.bucket) * 1000)::bigint AS bucket_ms,
       count(*) AS n,
       avg(b.v) AS mean,
       min(b.v) AS min,
       max(b.v) AS max,
       %P50% AS p50,
       %P95% AS p95,
       sum(b.v) AS sum,
       avg(b.flag::int)::float8 AS rate,
       avg(b.baseline) AS baseline,
       avg(b.target) AS target,
       avg(b.confidence) AS confidence,
       -- the zone's UTC offset at the bucket start (seconds), from the server's zone data
       extract(epoch FROM (b.bucket AT TIME ZONE $3::text) - (b.bucket AT TIME ZONE 'UTC'))::int AS utc_offset,
       -- the bucket's first and last row times (ms): the time between two buckets' rows tells
       -- a gap in the data from a bucket that happens to hold no row
       (extract(epoch FROM min(b.ts)) * 1000)::bigint AS first_ms,
       (extract(epoch FROM max(b.ts)) * 1000)::bigint AS last_ms,
       -- every row of the bucket is there by the start of the period it measures (the
       -- Entities view's rows behind the bucket are then found by that column)
       bool_and(b.by_period) AS by_period
FROM b
GROUP BY b.id, b.bucket
ORDER BY b.id, b.bucket
