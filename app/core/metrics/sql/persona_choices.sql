-- The measurements of the Persona panel: every (metric_type, metric_name) with its rows.
SELECT t.metric_type::text AS type, t.metric_name AS name, count(*) AS n
FROM persona_analytics t
GROUP BY t.metric_type, t.metric_name
ORDER BY t.metric_type, t.metric_name
