-- Rows of the Capability panel: one capability's score for each agent, with its baseline,
-- target and confidence. Parameters and columns: see persona_rows.sql; $4 defaults to
-- 'performance' (the score; MetricsQuery::validate() checks it is one of the enum's values, so
-- the cast cannot fail and the index on (capability_name, metric_type, recorded_at) applies),
-- $5 is the capability_name. ts is the start of the period a row measures
-- (measurement_period_start), else its recorded time (see persona_rows.sql).
SELECT t.agent_id AS id,
       coalesce(t.measurement_period_start, t.recorded_at) AS ts,
       t.metric_value::float8 AS v,
       NULL::boolean AS flag,
       t.baseline_value::float8 AS baseline,
       t.target_value::float8 AS target,
       t.confidence_score::float8 AS confidence,
       t.measurement_period_start IS NOT NULL AS by_period
FROM agent_capability_metrics t
WHERE t.recorded_at >= $1::timestamptz
  AND t.recorded_at < $2::timestamptz
  AND t.capability_name = $5::text
  AND t.metric_type = coalesce($4::text, 'performance')::agent_capability_metrics_metric_type_enum
  AND ($6::text[] IS NULL OR t.agent_id = ANY ($6::text[]::uuid[]))
