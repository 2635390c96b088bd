-- Rows of the Tokens panel: tokens ($5 = 'tokens', input + output) or cost ($5 = 'cost') per
-- day, model and organisation (key "model|organisation uuid", "model|" when unattributed).
-- A day is the local midnight of usage_date in the zone $3; a day is in [$1, $2) when its
-- midnight is: ceil($1) <= usage_date < ceil($2), ceil = the first local midnight at or after.
-- Parameters and columns: see persona_rows.sql; $4 is bound like every panel's and must be NULL.
SELECT (t.model || '|' || coalesce(t.organization_id::text, '')) COLLATE "C" AS id,
       t.usage_date::timestamp AT TIME ZONE $3::text AS ts,
       (CASE WHEN $5::text = 'cost' THEN t.cost ELSE t.input_tokens + t.output_tokens END)::float8 AS v,
       NULL::boolean AS flag,
       NULL::float8 AS baseline,
       NULL::float8 AS target,
       NULL::float8 AS confidence,
       false AS by_period
FROM token_consumption t
WHERE t.usage_date >= ((($1::timestamptz AT TIME ZONE $3::text) - interval '1 microsecond')::date + 1)
  AND t.usage_date < ((($2::timestamptz AT TIME ZONE $3::text) - interval '1 microsecond')::date + 1)
  AND ($6::text[] IS NULL OR t.model || '|' || coalesce(t.organization_id::text, '') = ANY ($6::text[]))
  AND $4::text IS NULL
