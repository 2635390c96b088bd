-- 0006_tools: tool_definitions, tool_executions, tool_usage_records.
-- tool_executions.operation_id gets its FK in 0007 (N5).

CREATE TYPE tool_definitions_category_enum AS ENUM
    ('system', 'utility', 'communication', 'data', 'analysis', 'automation', 'integration', 'custom');
CREATE TYPE tool_definitions_maintenance_status_enum AS ENUM ('active', 'maintenance', 'deprecated', 'archived');
CREATE TYPE tool_executions_execution_status_enum AS ENUM
    ('pending', 'running', 'completed', 'failed', 'cancelled', 'timeout');
CREATE TYPE tool_executions_approval_status_enum AS ENUM ('not_required', 'pending', 'approved', 'rejected');
CREATE TYPE tool_usage_records_usage_type_enum AS ENUM ('execution', 'query', 'configuration', 'discovery');

CREATE TABLE tool_definitions (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                     varchar(255) NOT NULL,
    description              text NOT NULL,
    category                 tool_definitions_category_enum NOT NULL,
    parameters               jsonb NOT NULL,
    return_type              jsonb NOT NULL,
    examples                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    -- N8/N9: created directly with the shared low..critical type; no safe/moderate/... conversion step.
    security_level           security_level NOT NULL,
    cost_estimate            numeric(10,2),
    execution_time_estimate  integer,
    requires_approval        boolean NOT NULL DEFAULT false,
    dependencies             jsonb NOT NULL DEFAULT '[]'::jsonb,
    version                  varchar(50) NOT NULL,
    author                   varchar(255) NOT NULL,
    tags                     jsonb NOT NULL DEFAULT '[]'::jsonb,
    is_enabled               boolean NOT NULL DEFAULT true,
    rate_limits              jsonb,
    total_executions         integer NOT NULL DEFAULT 0,
    successful_executions    integer NOT NULL DEFAULT 0,
    average_execution_time   numeric(10,2),
    last_used_at             timestamptz,
    documentation_url        text,
    support_contact          varchar(255),
    changelog                jsonb NOT NULL DEFAULT '[]'::jsonb,
    deployment_config        jsonb,
    environment_requirements jsonb,
    reliability_score        numeric(3,2),
    user_rating              numeric(3,2),
    maintenance_status       tool_definitions_maintenance_status_enum NOT NULL DEFAULT 'active',
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tool_definitions_name_key UNIQUE (name),
    CONSTRAINT chk_tool_definitions_cost_estimate CHECK (cost_estimate >= 0),  -- D8: bounded money
    CONSTRAINT chk_tool_definitions_executions
        CHECK (total_executions >= 0 AND successful_executions >= 0)
);
CREATE INDEX idx_tool_definitions_category_is_enabled ON tool_definitions (category, is_enabled);
CREATE INDEX idx_tool_definitions_security_level ON tool_definitions (security_level);
CREATE INDEX idx_tool_definitions_author ON tool_definitions (author);
CREATE INDEX idx_tool_definitions_tags ON tool_definitions USING gin (tags);  -- N4
CREATE TRIGGER trg_tool_definitions_updated_at BEFORE UPDATE ON tool_definitions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE tool_executions (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tool_id           uuid NOT NULL REFERENCES tool_definitions (id) ON DELETE CASCADE,
    agent_id          uuid REFERENCES agents (id) ON DELETE SET NULL,
    user_id           uuid REFERENCES users (id) ON DELETE SET NULL,
    session_id        uuid,  -- opaque client session key: no sessions table exists to reference
    operation_id      uuid,  -- FK -> operations added in 0007 (N5)
    execution_context jsonb,
    input_parameters  jsonb NOT NULL,
    output_result     jsonb,
    execution_status  tool_executions_execution_status_enum NOT NULL DEFAULT 'pending',
    started_at        timestamptz NOT NULL DEFAULT now(),
    completed_at      timestamptz,
    execution_time_ms integer,
    error_message     text,
    error_stack       text,
    retry_count       integer NOT NULL DEFAULT 0,
    max_retries       integer NOT NULL DEFAULT 3,
    priority          security_level NOT NULL DEFAULT 'medium',  -- N8: shared low..critical type
    resource_usage    jsonb,
    cost_incurred     numeric(10,4),
    approval_status   tool_executions_approval_status_enum NOT NULL DEFAULT 'not_required',
    approved_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    approved_at       timestamptz,
    tags              jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata          jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_tool_executions_cost_incurred CHECK (cost_incurred >= 0),  -- D8: bounded money
    CONSTRAINT chk_tool_executions_retries CHECK (retry_count >= 0 AND max_retries >= 0),
    CONSTRAINT chk_tool_executions_execution_time CHECK (execution_time_ms >= 0),
    CONSTRAINT chk_tool_executions_period CHECK (completed_at >= started_at)
);
CREATE INDEX idx_tool_executions_tool_id ON tool_executions (tool_id);
CREATE INDEX idx_tool_executions_agent_id ON tool_executions (agent_id);
CREATE INDEX idx_tool_executions_execution_status ON tool_executions (execution_status);
CREATE INDEX idx_tool_executions_started_at ON tool_executions (started_at);
-- FK support for ON DELETE SET NULL when a user is deleted.
CREATE INDEX idx_tool_executions_user_id ON tool_executions (user_id);
CREATE INDEX idx_tool_executions_approved_by ON tool_executions (approved_by) WHERE approved_by IS NOT NULL;
CREATE TRIGGER trg_tool_executions_updated_at BEFORE UPDATE ON tool_executions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE tool_usage_records (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tool_id              uuid NOT NULL REFERENCES tool_definitions (id) ON DELETE CASCADE,
    agent_id             uuid REFERENCES agents (id) ON DELETE SET NULL,
    user_id              uuid REFERENCES users (id) ON DELETE SET NULL,
    usage_type           tool_usage_records_usage_type_enum NOT NULL DEFAULT 'execution',
    usage_context        jsonb,
    success              boolean NOT NULL,
    execution_time_ms    integer,
    resource_consumption jsonb,
    cost                 numeric(10,4),
    quality_score        numeric(3,2),
    user_satisfaction    numeric(3,2),
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata             jsonb,
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_tool_usage_records_cost CHECK (cost >= 0),  -- D8: bounded money
    CONSTRAINT chk_tool_usage_records_execution_time CHECK (execution_time_ms >= 0)
);
CREATE INDEX idx_tool_usage_records_tool_id ON tool_usage_records (tool_id);
CREATE INDEX idx_tool_usage_records_agent_id ON tool_usage_records (agent_id);
CREATE INDEX idx_tool_usage_records_recorded_at ON tool_usage_records (recorded_at);
-- FK support for ON DELETE SET NULL when a user is deleted.
CREATE INDEX idx_tool_usage_records_user_id ON tool_usage_records (user_id);
CREATE TRIGGER trg_tool_usage_records_updated_at BEFORE UPDATE ON tool_usage_records
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
