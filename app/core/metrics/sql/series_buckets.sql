-- The bucket CTEs of series.sql (MetricsQuery splices this in at
-- its BUCKETS splice point, after splicing the panel's *_rows.sql in as ROWS): r = the panel's
-- rows ($1..$6), b = each row with its bucket start. $7 bucket interval (below a day), $8
-- date_trunc field for calendar buckets (NULL = $7). Buckets below a day are binned in absolute
-- time from local midnight of Monday 2000-01-03; calendar buckets start at local midnight of
-- zone $3. A row's ts may lie before $1 (the start of the period it measures, recorded in the
-- range): it keeps its bucket unless that bucket ends before the range's first bucket starts.
WITH r AS (
%ROWS%
), rb AS (
    SELECT r.id,
           CASE WHEN $8::text IS NULL
                THEN date_bin($7::interval, r.ts, '2000-01-03 00:00'::timestamp AT TIME ZONE $3::text)
                ELSE date_trunc($8::text, r.ts, $3::text)
           END AS bucket,
           r.ts, r.v, r.flag, r.baseline, r.target, r.confidence, r.by_period
    FROM r
), b AS (
    SELECT rb.*
    FROM rb
    WHERE rb.bucket >= CASE WHEN $8::text IS NULL
                            THEN date_bin($7::interval, $1::timestamptz,
                                          '2000-01-03 00:00'::timestamp AT TIME ZONE $3::text)
                            ELSE date_trunc($8::text, $1::timestamptz, $3::text)
                       END
)
