-- The measurements of the Capability panel: every (metric_type, capability_name) with its rows.
SELECT t.metric_type::text AS type, t.capability_name AS name, count(*) AS n
FROM agent_capability_metrics t
GROUP BY t.metric_type, t.capability_name
ORDER BY t.metric_type, t.capability_name
