-- Rows of the Interactions panel: tokens ($5 = 'tokens') or response time ($5 =
-- 'response_time') per model; flag = failed (rate = failure rate). Parameters and columns:
-- see persona_rows.sql; $4 is bound like every panel's and must be NULL.
SELECT t.model_used::text COLLATE "C" AS id,
       t.created_at AS ts,
       (CASE WHEN $5::text = 'response_time' THEN t.response_time_ms ELSE t.tokens_used END)::float8 AS v,
       NOT t.success AS flag,
       NULL::float8 AS baseline,
       NULL::float8 AS target,
       NULL::float8 AS confidence,
       false AS by_period
FROM ai_interactions t
WHERE t.created_at >= $1::timestamptz
  AND t.created_at < $2::timestamptz
  AND ($6::text[] IS NULL OR t.model_used = ANY ($6::text[]))
  AND $4::text IS NULL
