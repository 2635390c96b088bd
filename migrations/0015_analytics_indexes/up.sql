-- uaip:no-transaction
-- 0015_analytics_indexes: what the Analytics panels (app/core/metrics) read, as index-only
-- scans. Built CONCURRENTLY (writes go on while they build), so statement by statement; a
-- build that fails leaves an INVALID index behind: drop it, then `repair --resume 0015`.
--
-- Persona panel, "top N personas by rows" of one metric in a range (rank.sql over
-- persona_rows.sql): WHERE metric_name = $5 AND recorded_at in [$1, $2), GROUP BY persona_id.
-- Before: a BitmapAnd of the metric_name and recorded_at indexes plus heap (10 M rows, 7 days:
-- 1.4 s with JIT); after: an index-only range scan of exactly the range's rows.
CREATE INDEX CONCURRENTLY idx_persona_analytics_metric_time
    ON persona_analytics (metric_name, recorded_at) INCLUDE (persona_id, metric_type, metric_value);
-- Persona panel, the series of the chosen personas: WHERE metric_name = $5 AND persona_id =
-- ANY ($6) AND recorded_at in range. One short range scan per persona instead of reading the
-- whole range of every persona and throwing away all but N.
CREATE INDEX CONCURRENTLY idx_persona_analytics_metric_persona_time
    ON persona_analytics (metric_name, persona_id, recorded_at) INCLUDE (metric_type, metric_value);
-- Capability panel, "top N agents" for one capability in a range: WHERE capability_name = $5
-- AND metric_type = $4 AND recorded_at in range, an exact range (the series of the chosen
-- agents already has idx_agent_capability_metrics_agent_capability_time).
CREATE INDEX CONCURRENTLY idx_agent_capability_metrics_capability_time
    ON agent_capability_metrics (capability_name, metric_type, recorded_at)
    INCLUDE (agent_id, metric_value, baseline_value, target_value, confidence_score);
