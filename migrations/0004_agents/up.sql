-- 0004_agents: agents, agent_capability_metrics, conversation_contexts; and the FK
-- persona_analytics.agent_id -> agents (N5).

CREATE TYPE agents_role_enum AS ENUM
    ('assistant', 'specialist', 'coordinator', 'analyst', 'executor', 'monitor', 'custom');
CREATE TYPE agent_capability_metrics_metric_type_enum AS ENUM
    ('performance', 'usage', 'accuracy', 'efficiency', 'reliability');
CREATE TYPE agent_capability_metrics_trend_direction_enum AS ENUM
    ('improving', 'stable', 'declining', 'unknown');
CREATE TYPE conversation_contexts_context_type_enum AS ENUM
    ('conversation', 'task', 'operation', 'discussion', 'learning');
CREATE TYPE conversation_contexts_compression_strategy_enum AS ENUM
    ('none', 'sliding_window', 'summarization', 'semantic_compression');

CREATE TABLE agents (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                    varchar(255) NOT NULL,
    role                    agents_role_enum NOT NULL,
    persona_id              uuid NOT NULL REFERENCES personas (id) ON DELETE RESTRICT,
    legacy_persona          jsonb,
    intelligence_config     jsonb NOT NULL,
    security_context        jsonb NOT NULL,
    is_active               boolean NOT NULL DEFAULT true,
    created_by              uuid REFERENCES users (id) ON DELETE SET NULL,  -- N2: nullable, ON DELETE SET NULL
    last_active_at          timestamptz,
    capabilities            jsonb NOT NULL DEFAULT '[]'::jsonb,
    capability_scores       jsonb,
    learning_history        jsonb NOT NULL DEFAULT '[]'::jsonb,
    performance_metrics     jsonb,
    security_level          security_level NOT NULL DEFAULT 'medium',  -- N8: shared enum type
    compliance_tags         jsonb NOT NULL DEFAULT '[]'::jsonb,
    audit_trail             jsonb NOT NULL DEFAULT '[]'::jsonb,
    configuration           jsonb,
    preferences             jsonb,
    tags                    jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata                jsonb,
    version                 varchar(50) NOT NULL DEFAULT '1.0.0',
    deployment_environment  varchar(50),
    total_operations        integer NOT NULL DEFAULT 0,
    successful_operations   integer NOT NULL DEFAULT 0,
    average_response_time   numeric(10,2),
    last_performance_review timestamptz,
    tool_permissions        jsonb,
    tool_preferences        jsonb,
    tool_budget             jsonb,
    max_concurrent_tools    integer NOT NULL DEFAULT 3,
    model_id                varchar(255),
    api_type                llm_provider_type,  -- N8: same enum type as llm_providers.provider_type
    temperature             numeric(3,2),
    max_tokens              integer,
    system_prompt           text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_agents_operations CHECK (total_operations >= 0 AND successful_operations >= 0),
    CONSTRAINT chk_agents_max_concurrent_tools CHECK (max_concurrent_tools >= 0),
    CONSTRAINT chk_agents_temperature CHECK (temperature BETWEEN 0 AND 2),
    CONSTRAINT chk_agents_max_tokens CHECK (max_tokens > 0)
);
CREATE INDEX idx_agents_role_is_active ON agents (role, is_active);
CREATE INDEX idx_agents_created_by ON agents (created_by);
CREATE INDEX idx_agents_last_active_at ON agents (last_active_at);
CREATE INDEX idx_agents_security_level ON agents (security_level);
CREATE INDEX idx_agents_persona_id ON agents (persona_id);
CREATE INDEX idx_agents_api_type ON agents (api_type);
CREATE INDEX idx_agents_deployment_environment ON agents (deployment_environment);
CREATE INDEX idx_agents_capabilities ON agents USING gin (capabilities);  -- N4
CREATE INDEX idx_agents_tags ON agents USING gin (tags);  -- N4
CREATE TRIGGER trg_agents_updated_at BEFORE UPDATE ON agents
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE agent_capability_metrics (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id                 uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    capability_name          varchar(255) NOT NULL,
    metric_type              agent_capability_metrics_metric_type_enum NOT NULL,
    metric_value             numeric(10,4) NOT NULL,
    metric_unit              varchar(50),
    baseline_value           numeric(10,4),
    target_value             numeric(10,4),
    trend_direction          agent_capability_metrics_trend_direction_enum NOT NULL DEFAULT 'unknown',
    confidence_score         numeric(3,2),
    sample_size              integer,
    measurement_period_start timestamptz,
    measurement_period_end   timestamptz,
    context                  jsonb,
    tags                     jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata                 jsonb,
    recorded_at              timestamptz NOT NULL DEFAULT now(),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_agent_capability_metrics_confidence_score CHECK (confidence_score BETWEEN 0 AND 1),
    CONSTRAINT chk_agent_capability_metrics_sample_size CHECK (sample_size >= 0),
    CONSTRAINT chk_agent_capability_metrics_period
        CHECK (measurement_period_end >= measurement_period_start)
);
-- N7: no single-column index on agent_id, idx_agent_capability_metrics_agent_capability_time covers it.
CREATE INDEX idx_agent_capability_metrics_capability_name ON agent_capability_metrics (capability_name);
CREATE INDEX idx_agent_capability_metrics_metric_type ON agent_capability_metrics (metric_type);
CREATE INDEX idx_agent_capability_metrics_recorded_at ON agent_capability_metrics (recorded_at);
CREATE INDEX idx_agent_capability_metrics_trend_direction ON agent_capability_metrics (trend_direction);
CREATE INDEX idx_agent_capability_metrics_measurement_period
    ON agent_capability_metrics (measurement_period_start, measurement_period_end);
CREATE INDEX idx_agent_capability_metrics_agent_capability_time
    ON agent_capability_metrics (agent_id, capability_name, recorded_at);
CREATE TRIGGER trg_agent_capability_metrics_updated_at BEFORE UPDATE ON agent_capability_metrics
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE conversation_contexts (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id             uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    user_id              uuid REFERENCES users (id) ON DELETE SET NULL,
    session_id           uuid NOT NULL,  -- opaque client session key: no sessions table exists to reference
    context_type         conversation_contexts_context_type_enum NOT NULL DEFAULT 'conversation',
    title                varchar(255),
    description          text,
    context_data         jsonb NOT NULL,
    message_history      jsonb NOT NULL DEFAULT '[]'::jsonb,
    memory_state         jsonb,
    working_memory       jsonb,
    long_term_memory     jsonb,
    context_window_size  integer NOT NULL DEFAULT 4096,
    max_history_length   integer NOT NULL DEFAULT 100,
    compression_strategy conversation_contexts_compression_strategy_enum NOT NULL DEFAULT 'sliding_window',
    priority_level       security_level NOT NULL DEFAULT 'medium',  -- N8: shared low..critical type
    is_active            boolean NOT NULL DEFAULT true,
    is_persistent        boolean NOT NULL DEFAULT false,
    expires_at           timestamptz,
    last_accessed_at     timestamptz NOT NULL DEFAULT now(),
    access_count         integer NOT NULL DEFAULT 0,
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata             jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_conversation_contexts_sizes
        CHECK (context_window_size > 0 AND max_history_length >= 0 AND access_count >= 0)
);
-- N7: no single-column index on agent_id, the two composites below start with it.
CREATE INDEX idx_conversation_contexts_user_id ON conversation_contexts (user_id);
CREATE INDEX idx_conversation_contexts_session_id ON conversation_contexts (session_id);
CREATE INDEX idx_conversation_contexts_context_type ON conversation_contexts (context_type);
CREATE INDEX idx_conversation_contexts_is_active ON conversation_contexts (is_active);
CREATE INDEX idx_conversation_contexts_expires_at ON conversation_contexts (expires_at);
CREATE INDEX idx_conversation_contexts_last_accessed_at ON conversation_contexts (last_accessed_at);
CREATE INDEX idx_conversation_contexts_priority_level ON conversation_contexts (priority_level);
CREATE INDEX idx_conversation_contexts_agent_user_session
    ON conversation_contexts (agent_id, user_id, session_id);
CREATE INDEX idx_conversation_contexts_agent_type_active
    ON conversation_contexts (agent_id, context_type, is_active);
CREATE TRIGGER trg_conversation_contexts_updated_at BEFORE UPDATE ON conversation_contexts
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- N5: persona_analytics.agent_id now has its target.
ALTER TABLE persona_analytics
    ADD CONSTRAINT persona_analytics_agent_id_fkey
    FOREIGN KEY (agent_id) REFERENCES agents (id) ON DELETE SET NULL;
CREATE INDEX idx_persona_analytics_agent_id ON persona_analytics (agent_id);
