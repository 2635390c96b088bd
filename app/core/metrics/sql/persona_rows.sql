-- Rows of the Persona panel (MetricsQuery splices this into series.sql / rank.sql at its ROWS splice point).
-- Every *_rows.sql takes the same parameters so the wrappers can number theirs from $7:
--   $1 from (timestamptz, inclusive)  $2 to (timestamptz, exclusive)  $3 IANA time zone
--   $4 metric type (NULL = any)       $5 metric name                   $6 series keys (text[], NULL = all)
-- and yields: id (the series: uuid, or text COLLATE "C" so it groups bytewise; the wrappers
-- group by it and print it as the key: grouping 900,000 uuids beats grouping their text), ts timestamptz, v float8, flag boolean, baseline, target, confidence float8,
-- by_period boolean (ts is the start of the period the row measures, not the row's own time).
-- The rows are those recorded in [$1, $2) (the time index); ts is the start of the period a row
-- measures (time_period_start), else its recorded time: a daily row recorded just after
-- midnight belongs to the day it measures, not to the day it was written (issue 60 point 5).
SELECT t.persona_id AS id,
       coalesce(t.time_period_start, t.recorded_at) AS ts,
       t.metric_value::float8 AS v,
       NULL::boolean AS flag,
       NULL::float8 AS baseline,
       NULL::float8 AS target,
       NULL::float8 AS confidence,
       t.time_period_start IS NOT NULL AS by_period
FROM persona_analytics t
WHERE t.recorded_at >= $1::timestamptz
  AND t.recorded_at < $2::timestamptz
  AND t.metric_name = $5::text
  AND ($4::text IS NULL OR t.metric_type = $4::text::persona_analytics_metric_type_enum)
  AND ($6::text[] IS NULL OR t.persona_id = ANY ($6::text[]::uuid[]))
