-- 0002_llm_providers: llm_providers (system-wide provider catalogue) and
-- user_llm_providers (per-user provider configurations).

CREATE TYPE llm_providers_authentication_type_enum AS ENUM
    ('none', 'api_key', 'bearer_token', 'oauth', 'basic_auth', 'custom');
CREATE TYPE llm_providers_status_enum AS ENUM ('active', 'inactive', 'maintenance', 'deprecated');
CREATE TYPE llm_providers_health_status_enum AS ENUM ('healthy', 'unhealthy', 'unknown');
CREATE TYPE user_llm_providers_validation_status_enum AS ENUM ('pending', 'valid', 'invalid', 'expired');

CREATE TABLE llm_providers (
    id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                      varchar(255) NOT NULL,
    display_name              varchar(255) NOT NULL,
    description               text,
    provider_type             llm_provider_type NOT NULL,  -- N8: shared with agents.api_type
    base_url                  varchar(500),
    api_version               varchar(50),
    supported_models          jsonb NOT NULL DEFAULT '[]'::jsonb,
    default_model             varchar(255),
    capabilities              jsonb NOT NULL DEFAULT '[]'::jsonb,
    rate_limits               jsonb,
    pricing_info              jsonb,
    configuration_schema      jsonb,
    default_parameters        jsonb,
    authentication_type       llm_providers_authentication_type_enum NOT NULL DEFAULT 'api_key',
    authentication_config     jsonb,
    health_check_config       jsonb,
    is_enabled                boolean NOT NULL DEFAULT true,
    is_system_default         boolean NOT NULL DEFAULT false,
    requires_api_key          boolean NOT NULL DEFAULT true,
    supports_streaming        boolean NOT NULL DEFAULT false,
    supports_function_calling boolean NOT NULL DEFAULT false,
    supports_vision           boolean NOT NULL DEFAULT false,
    max_context_length        integer,
    max_output_tokens         integer,
    priority                  integer NOT NULL DEFAULT 0,
    tags                      jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata                  jsonb,
    status                    llm_providers_status_enum NOT NULL DEFAULT 'active',
    last_health_check         timestamptz,
    health_status             llm_providers_health_status_enum NOT NULL DEFAULT 'unknown',
    error_count               integer NOT NULL DEFAULT 0,
    total_requests            bigint NOT NULL DEFAULT 0,
    successful_requests       bigint NOT NULL DEFAULT 0,
    average_response_time     numeric(10,2),
    created_by                uuid REFERENCES users (id) ON DELETE SET NULL,  -- N2: nullable, ON DELETE SET NULL
    updated_by                uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT llm_providers_name_key UNIQUE (name),
    CONSTRAINT chk_llm_providers_counters
        CHECK (error_count >= 0 AND total_requests >= 0 AND successful_requests >= 0)
);
CREATE INDEX idx_llm_providers_provider_type ON llm_providers (provider_type);
CREATE INDEX idx_llm_providers_is_enabled ON llm_providers (is_enabled);
CREATE INDEX idx_llm_providers_status ON llm_providers (status);
CREATE INDEX idx_llm_providers_created_by ON llm_providers (created_by);
CREATE INDEX idx_llm_providers_health_status ON llm_providers (health_status);
CREATE INDEX idx_llm_providers_updated_by ON llm_providers (updated_by) WHERE updated_by IS NOT NULL;
-- N3: at most one system default provider (UNIQUE partial index).
-- N7: it replaces the plain index on is_system_default, which had the same key.
CREATE UNIQUE INDEX uq_llm_providers_system_default ON llm_providers (is_system_default)
    WHERE is_system_default;
-- N4: jsonb arrays searched by containment (@>, ?) get GIN.
CREATE INDEX idx_llm_providers_tags ON llm_providers USING gin (tags);
CREATE INDEX idx_llm_providers_capabilities ON llm_providers USING gin (capabilities);
CREATE TRIGGER trg_llm_providers_updated_at BEFORE UPDATE ON llm_providers
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE user_llm_providers (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider_id          uuid NOT NULL REFERENCES llm_providers (id) ON DELETE CASCADE,
    provider_name        varchar(255) NOT NULL,
    display_name         varchar(255),
    api_key              text,  -- to be stored encrypted by the application
    api_endpoint         varchar(500),
    model_preferences    jsonb,
    default_parameters   jsonb,
    rate_limit_overrides jsonb,
    usage_limits         jsonb,
    cost_tracking        jsonb,
    is_enabled           boolean NOT NULL DEFAULT true,
    is_default           boolean NOT NULL DEFAULT false,
    is_shared            boolean NOT NULL DEFAULT false,
    shared_with_users    jsonb NOT NULL DEFAULT '[]'::jsonb,
    shared_with_teams    jsonb NOT NULL DEFAULT '[]'::jsonb,
    permissions          jsonb NOT NULL DEFAULT '[]'::jsonb,
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata             jsonb,
    configuration        jsonb,
    validation_status    user_llm_providers_validation_status_enum NOT NULL DEFAULT 'pending',
    last_validated_at    timestamptz,
    validation_error     text,
    usage_stats          jsonb,
    total_requests       bigint NOT NULL DEFAULT 0,
    successful_requests  bigint NOT NULL DEFAULT 0,
    failed_requests      bigint NOT NULL DEFAULT 0,
    total_tokens_used    bigint NOT NULL DEFAULT 0,
    total_cost           numeric(10,4) NOT NULL DEFAULT 0,
    last_used_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_user_llm_providers_counters
        CHECK (total_requests >= 0 AND successful_requests >= 0 AND failed_requests >= 0
               AND total_tokens_used >= 0),
    CONSTRAINT chk_user_llm_providers_total_cost CHECK (total_cost >= 0)  -- D8: bounded money
);
-- N7: no single-column index on user_id, (user_id, provider_id) covers it.
CREATE INDEX idx_user_llm_providers_user_provider ON user_llm_providers (user_id, provider_id);
CREATE INDEX idx_user_llm_providers_provider_id ON user_llm_providers (provider_id);
CREATE INDEX idx_user_llm_providers_is_enabled ON user_llm_providers (is_enabled);
CREATE INDEX idx_user_llm_providers_is_default ON user_llm_providers (is_default);
CREATE INDEX idx_user_llm_providers_validation_status ON user_llm_providers (validation_status);
CREATE INDEX idx_user_llm_providers_last_used_at ON user_llm_providers (last_used_at);
-- N3: at most one default provider configuration per user.
CREATE UNIQUE INDEX uq_user_llm_providers_user_default ON user_llm_providers (user_id)
    WHERE is_default;
CREATE TRIGGER trg_user_llm_providers_updated_at BEFORE UPDATE ON user_llm_providers
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
