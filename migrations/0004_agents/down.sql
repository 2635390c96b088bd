-- 0004_agents down: removes the persona_analytics.agent_id FK, then drops
-- conversation_contexts, agent_capability_metrics, agents and their enum types.

DROP INDEX idx_persona_analytics_agent_id;
ALTER TABLE persona_analytics DROP CONSTRAINT persona_analytics_agent_id_fkey;

DROP TABLE conversation_contexts;
DROP TABLE agent_capability_metrics;
DROP TABLE agents;

DROP TYPE conversation_contexts_compression_strategy_enum;
DROP TYPE conversation_contexts_context_type_enum;
DROP TYPE agent_capability_metrics_trend_direction_enum;
DROP TYPE agent_capability_metrics_metric_type_enum;
DROP TYPE agents_role_enum;
