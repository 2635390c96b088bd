-- 0001_core_foundation: pgcrypto, the shared updated_at trigger function, the shared enum
-- types, and the core tables users, refresh_tokens, password_reset_tokens,
-- security_policies, integration_events.
-- Conventions for every migration: ids are uuid DEFAULT gen_random_uuid(); every timestamp
-- is timestamptz (N16); every table with updated_at has a BEFORE UPDATE trigger calling
-- uaip_set_updated_at() (N16); indexes are real CREATE INDEX statements (N1).

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- The one trigger function that maintains updated_at on every table (N16).
CREATE FUNCTION uaip_set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION uaip_set_updated_at() IS 'BEFORE UPDATE trigger: sets NEW.updated_at = now()';

-- Shared enum types (N8: one type per concept, not one per column).
-- low/medium/high/critical: users.security_clearance, agents.security_level,
-- conversation_contexts.priority_level, tool_definitions.security_level,
-- tool_executions.priority, artifacts.security_level.
CREATE TYPE security_level AS ENUM ('low', 'medium', 'high', 'critical');
-- personas.visibility, discussions.visibility, and the 0011 tables.
CREATE TYPE visibility AS ENUM ('private', 'team', 'organization', 'public');
-- llm_providers.provider_type and agents.api_type (N8: agents used a 5-value subset).
CREATE TYPE llm_provider_type AS ENUM
    ('ollama', 'llmstudio', 'openai', 'anthropic', 'azure', 'google', 'huggingface', 'custom');
-- low/medium/high/urgent: operations.priority, artifact_reviews.review_priority, tasks.priority.
CREATE TYPE task_priority AS ENUM ('low', 'medium', 'high', 'urgent');

-- Per-concept enums of this migration.
CREATE TYPE integration_events_status_enum AS ENUM
    ('pending', 'processing', 'completed', 'failed', 'retrying');

CREATE TABLE users (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email                 varchar(255) NOT NULL,
    first_name            varchar(255),
    last_name             varchar(255),
    department            varchar(100),
    role                  varchar(50) NOT NULL,
    password_hash         varchar(255) NOT NULL,
    security_clearance    security_level NOT NULL DEFAULT 'medium',  -- N8: shared enum type
    is_active             boolean NOT NULL DEFAULT true,
    failed_login_attempts integer NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    password_changed_at   timestamptz,
    last_login_at         timestamptz,
    permissions           jsonb,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT chk_users_failed_login_attempts CHECK (failed_login_attempts >= 0)
);
-- N7: no separate index on email, the UNIQUE constraint already is one.
CREATE INDEX idx_users_is_active ON users (is_active);
CREATE INDEX idx_users_role ON users (role);
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,  -- N10: uuid like users.id
    token      varchar(255) NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_token_key UNIQUE (token)
);
CREATE INDEX idx_refresh_tokens_user_id ON refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_expires_at ON refresh_tokens (expires_at);
CREATE TRIGGER trg_refresh_tokens_updated_at BEFORE UPDATE ON refresh_tokens
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE password_reset_tokens (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token      varchar(255) NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT password_reset_tokens_token_key UNIQUE (token)
);
CREATE INDEX idx_password_reset_tokens_user_id ON password_reset_tokens (user_id);
CREATE INDEX idx_password_reset_tokens_expires_at ON password_reset_tokens (expires_at);
CREATE TRIGGER trg_password_reset_tokens_updated_at BEFORE UPDATE ON password_reset_tokens
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE security_policies (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    description text NOT NULL,
    policy_data jsonb NOT NULL,
    is_active   boolean NOT NULL DEFAULT true,
    version     varchar(50) NOT NULL DEFAULT '1.0.0',
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,  -- N2: nullable, ON DELETE SET NULL
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT security_policies_name_key UNIQUE (name)
);
CREATE INDEX idx_security_policies_is_active ON security_policies (is_active);
CREATE INDEX idx_security_policies_created_by ON security_policies (created_by);
CREATE TRIGGER trg_security_policies_updated_at BEFORE UPDATE ON security_policies
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE integration_events (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_type    varchar(100) NOT NULL,
    source_system varchar(100) NOT NULL,
    target_system varchar(100),
    event_data    jsonb NOT NULL,
    status        integration_events_status_enum NOT NULL DEFAULT 'pending',
    retry_count   integer NOT NULL DEFAULT 0,
    max_retries   integer NOT NULL DEFAULT 3,
    error_message text,
    processed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_integration_events_retries CHECK (retry_count >= 0 AND max_retries >= 0)
);
CREATE INDEX idx_integration_events_status ON integration_events (status);
CREATE INDEX idx_integration_events_event_type ON integration_events (event_type);
CREATE INDEX idx_integration_events_source_system ON integration_events (source_system);
CREATE INDEX idx_integration_events_created_at ON integration_events (created_at);
CREATE TRIGGER trg_integration_events_updated_at BEFORE UPDATE ON integration_events
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
