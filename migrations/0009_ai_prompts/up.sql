-- 0009_ai_prompts: the AI agent system: ai_prompts (one row per logical prompt),
-- ai_prompt_versions (immutable history), ai_sessions, ai_interactions, ai_finetune_datasets,
-- with their single-column indexes. Composite, partial and full-text indexes are in 0010.
-- D4: where the entities declared an enum (prompt_type, session_type, statuses) it is a PG
-- enum here; model_preference stays varchar because model names change faster than schemas.
-- D5/D6: one nullability and default per column; counters, flags, statuses and timestamps
-- that have a DEFAULT are NOT NULL.
-- D9: this down.sql drops everything this up.sql creates (no half-undone renames).

CREATE TYPE ai_prompts_prompt_type_enum AS ENUM
    ('reference_coach', 'verification', 'authenticity', 'quality_analysis', 'bulk_processing');
CREATE TYPE ai_sessions_session_type_enum AS ENUM
    ('reference_coach', 'verification', 'authenticity', 'bulk_analysis', 'quality_assessment');
CREATE TYPE ai_sessions_status_enum AS ENUM ('active', 'idle', 'expired', 'completed', 'error');
CREATE TYPE ai_interactions_status_enum AS ENUM ('pending', 'success', 'failed', 'timeout', 'cancelled');
CREATE TYPE ai_finetune_datasets_status_enum AS ENUM
    ('pending_review', 'approved', 'rejected', 'included', 'excluded');

-- D2: one row per logical prompt (prompt_id UNIQUE) holding the current text; every
-- published text is kept in ai_prompt_versions. The application inserts version N into
-- ai_prompt_versions and sets current_version = N (and version, the semver label) in the
-- same transaction.
CREATE TABLE ai_prompts (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    prompt_id                varchar(100) NOT NULL,
    name                     varchar(255) NOT NULL,
    description              text,
    prompt_type              ai_prompts_prompt_type_enum NOT NULL,  -- D4: enum, D5: NOT NULL
    -- Current system prompt in plain text (replaces system_prompt_encrypted).
    system_prompt            text NOT NULL,
    user_prompt_template     text,
    version                  varchar(20) NOT NULL DEFAULT '1.0.0',  -- semver label of the current version
    current_version          integer NOT NULL DEFAULT 1,  -- ai_prompt_versions.version_no of the current text
    model_preference         varchar(50) NOT NULL,
    temperature              numeric(3,2) NOT NULL DEFAULT 0.7,  -- D6
    max_tokens               integer NOT NULL DEFAULT 4096,  -- D6
    is_active                boolean NOT NULL DEFAULT true,
    usage_count              integer NOT NULL DEFAULT 0,  -- D6
    average_response_time_ms numeric(12,2) NOT NULL DEFAULT 0,  -- D6
    success_rate             numeric(5,4) NOT NULL DEFAULT 0,  -- D6; fraction 0..1
    validation_rules         jsonb,
    metadata                 jsonb,  -- also holds audience / security_level / variables of the seed file
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    -- D2: the single UNIQUE(prompt_id) is the only key; no (prompt_id, version) key and no
    -- extra index duplicating it.
    CONSTRAINT ai_prompts_prompt_id_key UNIQUE (prompt_id),
    CONSTRAINT chk_ai_prompts_version_semver CHECK (version ~ '^[0-9]+\.[0-9]+\.[0-9]+$'),
    CONSTRAINT chk_ai_prompts_current_version CHECK (current_version >= 1),
    CONSTRAINT chk_ai_prompts_temperature CHECK (temperature BETWEEN 0 AND 1),
    CONSTRAINT chk_ai_prompts_max_tokens CHECK (max_tokens BETWEEN 1 AND 200000),
    CONSTRAINT chk_ai_prompts_usage_count CHECK (usage_count >= 0),
    CONSTRAINT chk_ai_prompts_average_response_time CHECK (average_response_time_ms >= 0),
    CONSTRAINT chk_ai_prompts_success_rate CHECK (success_rate BETWEEN 0 AND 1)
);
CREATE INDEX idx_ai_prompts_prompt_type ON ai_prompts (prompt_type);
CREATE INDEX idx_ai_prompts_model_preference ON ai_prompts (model_preference);
CREATE TRIGGER trg_ai_prompts_updated_at BEFORE UPDATE ON ai_prompts
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- Immutable history of every published text of a prompt.
CREATE TABLE ai_prompt_versions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    prompt_id            uuid NOT NULL REFERENCES ai_prompts (id) ON DELETE CASCADE,
    version_no           integer NOT NULL,
    system_prompt        text NOT NULL,
    user_prompt_template text,
    model_preference     varchar(50),
    temperature          numeric(3,2),
    max_tokens           integer,
    change_note          text,
    author               text NOT NULL DEFAULT current_user,
    created_at           timestamptz NOT NULL DEFAULT now(),
    content_sha256       text NOT NULL,  -- lowercase hex SHA-256, computed by the application
    CONSTRAINT ai_prompt_versions_prompt_id_version_no_key UNIQUE (prompt_id, version_no),
    CONSTRAINT chk_ai_prompt_versions_version_no CHECK (version_no >= 1),
    CONSTRAINT chk_ai_prompt_versions_content_sha256 CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_ai_prompt_versions_temperature CHECK (temperature BETWEEN 0 AND 1),
    CONSTRAINT chk_ai_prompt_versions_max_tokens CHECK (max_tokens BETWEEN 1 AND 200000)
);
-- (prompt_id alone needs no index: the UNIQUE (prompt_id, version_no) starts with it.)

-- Versions are immutable: UPDATE always fails; DELETE fails unless it is the cascade from
-- deleting the prompt itself (then it runs inside the FK trigger, so pg_trigger_depth() > 1).
CREATE FUNCTION ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ai_prompt_versions rows are immutable (% of version % refused)',
                    TG_OP, OLD.version_no
        USING ERRCODE = 'restrict_violation',
              HINT = 'Insert a new version instead; versions are removed only with their prompt.';
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_immutable BEFORE UPDATE OR DELETE ON ai_prompt_versions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_versions_immutable();

CREATE TABLE ai_sessions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id             uuid NOT NULL,  -- public session handle, not an agents.id (D4: uuid)
    user_id              uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_type         ai_sessions_session_type_enum NOT NULL,  -- D4: enum
    started_at           timestamptz NOT NULL DEFAULT now(),
    ended_at             timestamptz,
    metadata             jsonb,
    prompt_id            uuid REFERENCES ai_prompts (id) ON DELETE SET NULL,
    status               ai_sessions_status_enum NOT NULL DEFAULT 'active',  -- D4, D6
    context              jsonb,
    interaction_count    integer NOT NULL DEFAULT 0,  -- D6
    total_tokens_used    integer NOT NULL DEFAULT 0,  -- D6
    total_cost           numeric(12,6) NOT NULL DEFAULT 0,  -- D6; D8: bounded money
    ip_address           varchar(45),
    user_agent           text,
    last_activity_at     timestamptz,
    idle_timeout_seconds integer NOT NULL DEFAULT 1800,  -- D6
    termination_reason   text,
    performance_metrics  jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),  -- D6
    updated_at           timestamptz NOT NULL DEFAULT now(),  -- D6
    -- D1: the UNIQUE constraint is the only index on agent_id.
    CONSTRAINT ai_sessions_agent_id_key UNIQUE (agent_id),
    CONSTRAINT chk_ai_sessions_counters CHECK (interaction_count >= 0 AND total_tokens_used >= 0),
    CONSTRAINT chk_ai_sessions_total_cost CHECK (total_cost >= 0),  -- D8
    CONSTRAINT chk_ai_sessions_idle_timeout CHECK (idle_timeout_seconds > 0),
    CONSTRAINT chk_ai_sessions_period CHECK (ended_at >= started_at)
);
-- D7: one index per column set (the reference had session_type twice).
CREATE INDEX idx_ai_sessions_session_type ON ai_sessions (session_type);
CREATE INDEX idx_ai_sessions_started_at ON ai_sessions (started_at);
CREATE INDEX idx_ai_sessions_ended_at ON ai_sessions (ended_at);
CREATE INDEX idx_ai_sessions_status ON ai_sessions (status);
CREATE TRIGGER trg_ai_sessions_updated_at BEFORE UPDATE ON ai_sessions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE ai_interactions (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id              uuid NOT NULL REFERENCES ai_sessions (id) ON DELETE CASCADE,
    -- D10: nullable + SET NULL like ai_sessions.prompt_id (NO ACTION made prompts undeletable).
    prompt_id               uuid REFERENCES ai_prompts (id) ON DELETE SET NULL,
    user_input              text NOT NULL,
    ai_response             text,  -- D5: nullable, pending/failed interactions have no response
    model_used              varchar(100) NOT NULL,
    tokens_used             integer NOT NULL DEFAULT 0,
    response_time_ms        integer,  -- NULL until a response arrived
    success                 boolean NOT NULL DEFAULT false,  -- D5: false until marked successful
    error_message           text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    -- D5: NOT NULL; the default keeps the app's int_<...> shape for rows written by other tools.
    interaction_id          varchar(100) NOT NULL
                            DEFAULT ('int_' || replace(gen_random_uuid()::text, '-', '')),
    input_tokens            integer NOT NULL DEFAULT 0,  -- D6
    output_tokens           integer NOT NULL DEFAULT 0,  -- D6
    cost                    numeric(12,6) NOT NULL DEFAULT 0,  -- D6; D8: bounded money
    status                  ai_interactions_status_enum NOT NULL DEFAULT 'pending',  -- D4, D6
    context                 jsonb,
    request_metadata        jsonb,
    response_metadata       jsonb,
    prompt_hash             text,  -- lowercase hex SHA-256
    full_prompt_encrypted   text,
    input_sanitized         boolean NOT NULL DEFAULT false,  -- D6
    validation_results      jsonb,
    flagged_for_review      boolean NOT NULL DEFAULT false,  -- D6
    flag_reason             text,
    quality_score           numeric(3,2),  -- 0..1 (ai_finetune_datasets.quality_score is 1..5)
    is_retry                boolean NOT NULL DEFAULT false,  -- D6
    -- D8: the retried interaction is a real FK.
    retry_of_interaction_id uuid REFERENCES ai_interactions (id) ON DELETE SET NULL,
    retry_count             integer NOT NULL DEFAULT 0,  -- D6
    CONSTRAINT ai_interactions_interaction_id_key UNIQUE (interaction_id),
    CONSTRAINT chk_ai_interactions_tokens
        CHECK (tokens_used >= 0 AND input_tokens >= 0 AND output_tokens >= 0),
    CONSTRAINT chk_ai_interactions_response_time CHECK (response_time_ms >= 0),
    CONSTRAINT chk_ai_interactions_cost CHECK (cost >= 0),  -- D8
    CONSTRAINT chk_ai_interactions_prompt_hash CHECK (prompt_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_ai_interactions_quality_score CHECK (quality_score BETWEEN 0 AND 1),
    CONSTRAINT chk_ai_interactions_retry
        CHECK (retry_count >= 0 AND (retry_of_interaction_id IS NULL OR is_retry)),
    CONSTRAINT chk_ai_interactions_not_own_retry CHECK (retry_of_interaction_id <> id)
);
-- D7: one index per column set (the reference had created_at and model_used twice).
CREATE INDEX idx_ai_interactions_created_at ON ai_interactions (created_at);
CREATE INDEX idx_ai_interactions_success ON ai_interactions (success);
CREATE INDEX idx_ai_interactions_model_used ON ai_interactions (model_used);
CREATE INDEX idx_ai_interactions_status ON ai_interactions (status);

CREATE TABLE ai_finetune_datasets (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    interaction_id       uuid NOT NULL REFERENCES ai_interactions (id) ON DELETE CASCADE,
    quality_score        integer,  -- D4: int 1..5 with a CHECK (not a numeric-valued enum)
    human_feedback       text,
    included_in_training boolean NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    status               ai_finetune_datasets_status_enum NOT NULL DEFAULT 'pending_review',  -- D4, D6
    training_data        jsonb,  -- {messages: [{role, content}], metadata}
    dataset_version      varchar(50),
    evaluation_metrics   jsonb,
    notes                text,
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,  -- NOT NULL '[]' like every other tags column
    reviewed_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at          timestamptz,
    rejection_reason     text,
    original_context     jsonb,
    is_positive_example  boolean NOT NULL DEFAULT false,  -- D6
    is_negative_example  boolean NOT NULL DEFAULT false,  -- D6
    corrected_response   text,
    training_weight      numeric(8,4),
    export_history       jsonb,
    updated_at           timestamptz NOT NULL DEFAULT now(),  -- D6
    -- D7: the UNIQUE constraint is the only index on interaction_id.
    CONSTRAINT ai_finetune_datasets_interaction_id_key UNIQUE (interaction_id),
    -- D3: the CHECK names the real snake_case column.
    CONSTRAINT chk_ai_finetune_datasets_quality_score CHECK (quality_score >= 1 AND quality_score <= 5),
    CONSTRAINT chk_ai_finetune_datasets_example_kind
        CHECK (NOT (is_positive_example AND is_negative_example)),
    CONSTRAINT chk_ai_finetune_datasets_training_weight CHECK (training_weight >= 0)
);
CREATE INDEX idx_ai_finetune_datasets_included_in_training ON ai_finetune_datasets (included_in_training);
CREATE INDEX idx_ai_finetune_datasets_dataset_version ON ai_finetune_datasets (dataset_version);
CREATE INDEX idx_ai_finetune_datasets_status ON ai_finetune_datasets (status);
CREATE INDEX idx_ai_finetune_datasets_created_at ON ai_finetune_datasets (created_at);
CREATE TRIGGER trg_ai_finetune_datasets_updated_at BEFORE UPDATE ON ai_finetune_datasets
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
