-- The prompt list. $1 full-text query ('' = none), $2 ILIKE pattern on prompt_id/name
-- ('' = none), $3 prompt_type, $4 model_preference, $5 label, $6 active ('', 'true', 'false'),
-- $7/$8 the usage period [from, to). Labels as "label=version,...". probe = the first 64
-- characters of the stored system prompt (is it encrypted?).
WITH usage AS (
    SELECT i.prompt_id,
           count(*) AS interactions,
           avg(CASE WHEN i.success THEN 1.0 ELSE 0.0 END) AS success_rate,
           avg(i.response_time_ms) AS mean_latency_ms
    FROM ai_interactions i
    WHERE i.created_at >= $7::timestamptz AND i.created_at < $8::timestamptz
      AND i.prompt_id IS NOT NULL
    GROUP BY i.prompt_id
), labels AS (
    SELECT l.prompt_id, string_agg(l.label || '=' || l.version_no, ',' ORDER BY l.label) AS labels
    FROM ai_prompt_labels l
    GROUP BY l.prompt_id
)
SELECT p.id, p.prompt_id, p.name, p.prompt_type, p.model_preference, p.current_version,
       (SELECT max(v.version_no) FROM ai_prompt_versions v WHERE v.prompt_id = p.id) AS latest,
       p.is_active, p.updated_at, left(p.system_prompt, 64) AS probe, lb.labels,
       coalesce(u.interactions, 0) AS interactions, u.success_rate, u.mean_latency_ms
FROM ai_prompts p
LEFT JOIN labels lb ON lb.prompt_id = p.id
LEFT JOIN usage u ON u.prompt_id = p.id
WHERE ($1 = '' OR p.search_vector @@ websearch_to_tsquery('english', $1)
       OR ($2 <> '' AND (p.prompt_id ILIKE $2 OR p.name ILIKE $2)))
  AND ($3 = '' OR p.prompt_type::text = $3)
  AND ($4 = '' OR p.model_preference = $4)
  AND ($5 = '' OR EXISTS (SELECT 1 FROM ai_prompt_labels l2
                          WHERE l2.prompt_id = p.id AND l2.label = $5))
  AND ($6 = '' OR p.is_active = ($6 = 'true'))
ORDER BY p.prompt_id
