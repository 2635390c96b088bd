-- uaip:no-transaction
-- 0015_analytics_indexes down: drops the Analytics indexes (CONCURRENTLY: reads and writes go
-- on meanwhile).
DROP INDEX CONCURRENTLY idx_agent_capability_metrics_capability_time;
DROP INDEX CONCURRENTLY idx_persona_analytics_metric_persona_time;
DROP INDEX CONCURRENTLY idx_persona_analytics_metric_time;
