-- The usage of every prompt used in the period [$1, $2): interactions, success rate, mean
-- latency (the list's usage columns on their own).
SELECT i.prompt_id, count(*) AS interactions,
       avg(CASE WHEN i.success THEN 1.0 ELSE 0.0 END) AS success_rate,
       avg(i.response_time_ms) AS mean_latency_ms
FROM ai_interactions i
WHERE i.created_at >= $1::timestamptz AND i.created_at < $2::timestamptz
  AND i.prompt_id IS NOT NULL
GROUP BY i.prompt_id
