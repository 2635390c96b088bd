-- Rows of the Tools panel: execution time per tool; flag = success (rate = success rate).
-- Parameters and columns: see persona_rows.sql. The panel has one measurement: $4 and $5 are
-- bound like every panel's and must be NULL (the last condition only gives them a type).
SELECT t.tool_id AS id,
       t.recorded_at AS ts,
       t.execution_time_ms::float8 AS v,
       t.success AS flag,
       NULL::float8 AS baseline,
       NULL::float8 AS target,
       NULL::float8 AS confidence,
       false AS by_period
FROM tool_usage_records t
WHERE t.recorded_at >= $1::timestamptz
  AND t.recorded_at < $2::timestamptz
  AND ($6::text[] IS NULL OR t.tool_id = ANY ($6::text[]::uuid[]))
  AND ($4::text IS NULL AND $5::text IS NULL)
