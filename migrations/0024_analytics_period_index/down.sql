-- uaip:no-transaction
-- 0024_analytics_period_index down: 0015's series index back, then the period one dropped
-- (CONCURRENTLY: reads and writes go on meanwhile).
CREATE INDEX CONCURRENTLY idx_persona_analytics_metric_persona_time
    ON persona_analytics (metric_name, persona_id, recorded_at) INCLUDE (metric_type, metric_value);
DROP INDEX CONCURRENTLY idx_persona_analytics_metric_persona_period;
