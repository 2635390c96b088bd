-- 0003_personas: personas and persona_analytics.
-- personas.organization_id / team_id get their FKs in 0011 (organizations, teams);
-- persona_analytics.agent_id / discussion_id / operation_id get theirs in 0004 / 0005 / 0007,
-- where the referenced tables are created (N5).

CREATE TYPE personas_tone_enum AS ENUM
    ('concise', 'verbose', 'analytical', 'casual', 'empathetic', 'humorous', 'cautious', 'optimistic');
CREATE TYPE personas_style_enum AS ENUM
    ('structured', 'freeform', 'inquisitive', 'decisive', 'collaborative', 'authoritative');
CREATE TYPE personas_energy_level_enum AS ENUM ('low', 'moderate', 'high', 'dynamic');
CREATE TYPE personas_status_enum AS ENUM ('draft', 'active', 'inactive', 'archived');
CREATE TYPE persona_analytics_metric_type_enum AS ENUM
    ('usage', 'performance', 'satisfaction', 'engagement', 'effectiveness');
CREATE TYPE persona_analytics_aggregation_level_enum AS ENUM
    ('raw', 'hourly', 'daily', 'weekly', 'monthly');
CREATE TYPE persona_analytics_data_quality_enum AS ENUM ('high', 'medium', 'low', 'estimated');

CREATE TABLE personas (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                    varchar(255) NOT NULL,
    role                    varchar(255) NOT NULL,
    description             text NOT NULL,
    background              text NOT NULL,
    system_prompt           text NOT NULL,
    traits                  jsonb NOT NULL DEFAULT '[]'::jsonb,
    expertise               jsonb NOT NULL DEFAULT '[]'::jsonb,
    tone                    personas_tone_enum,
    style                   personas_style_enum,
    energy_level            personas_energy_level_enum,
    chattiness              numeric(3,2),
    empathy_level           numeric(3,2),
    parent_personas         jsonb,
    hybrid_traits           jsonb,
    dominant_expertise      varchar(255),
    personality_blend       jsonb,
    conversational_style    jsonb,
    status                  personas_status_enum NOT NULL DEFAULT 'draft',
    visibility              visibility NOT NULL DEFAULT 'private',  -- N8: shared enum type
    created_by              uuid REFERENCES users (id) ON DELETE SET NULL,  -- N2: nullable, ON DELETE SET NULL
    organization_id         uuid,  -- FK -> organizations added in 0011
    team_id                 uuid,  -- FK -> teams added in 0011
    version                 integer NOT NULL DEFAULT 1,
    parent_persona_id       uuid REFERENCES personas (id) ON DELETE SET NULL,
    tags                    jsonb NOT NULL DEFAULT '[]'::jsonb,
    validation              jsonb,
    usage_stats             jsonb,
    configuration           jsonb,
    capabilities            jsonb NOT NULL DEFAULT '[]'::jsonb,
    restrictions            jsonb,
    metadata                jsonb,
    quality_score           numeric(3,2),
    consistency_score       numeric(3,2),
    user_satisfaction       numeric(3,2),
    total_interactions      integer NOT NULL DEFAULT 0,
    successful_interactions integer NOT NULL DEFAULT 0,
    last_used_at            timestamptz,
    last_updated_by         uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_personas_chattiness CHECK (chattiness BETWEEN 0 AND 1),
    CONSTRAINT chk_personas_empathy_level CHECK (empathy_level BETWEEN 0 AND 1),
    CONSTRAINT chk_personas_version CHECK (version >= 1),
    CONSTRAINT chk_personas_interactions
        CHECK (total_interactions >= 0 AND successful_interactions >= 0)
);
CREATE INDEX idx_personas_status_visibility ON personas (status, visibility);
CREATE INDEX idx_personas_created_by_organization ON personas (created_by, organization_id);
CREATE INDEX idx_personas_tags ON personas USING gin (tags);  -- N4: GIN, not btree, on jsonb
CREATE INDEX idx_personas_expertise ON personas USING gin (expertise);  -- N4
CREATE INDEX idx_personas_dominant_expertise ON personas (dominant_expertise);
CREATE INDEX idx_personas_parent_persona_id ON personas (parent_persona_id);
CREATE INDEX idx_personas_last_used_at ON personas (last_used_at);
CREATE INDEX idx_personas_quality_score ON personas (quality_score);
CREATE INDEX idx_personas_last_updated_by ON personas (last_updated_by) WHERE last_updated_by IS NOT NULL;
CREATE TRIGGER trg_personas_updated_at BEFORE UPDATE ON personas
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE persona_analytics (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    persona_id        uuid NOT NULL REFERENCES personas (id) ON DELETE CASCADE,
    metric_type       persona_analytics_metric_type_enum NOT NULL,
    metric_name       varchar(255) NOT NULL,
    metric_value      numeric(10,4) NOT NULL,
    metric_unit       varchar(50),
    context           jsonb,
    dimensions        jsonb,
    tags              jsonb NOT NULL DEFAULT '[]'::jsonb,
    session_id        uuid,  -- opaque client session key: no sessions table exists to reference
    user_id           uuid REFERENCES users (id) ON DELETE SET NULL,
    agent_id          uuid,  -- FK -> agents added in 0004 (N5)
    discussion_id     uuid,  -- FK -> discussions added in 0005 (N5)
    operation_id      uuid,  -- FK -> operations added in 0007 (N5)
    time_period_start timestamptz,
    time_period_end   timestamptz,
    aggregation_level persona_analytics_aggregation_level_enum NOT NULL DEFAULT 'raw',
    data_quality      persona_analytics_data_quality_enum NOT NULL DEFAULT 'high',
    confidence_score  numeric(3,2),
    sample_size       integer,
    metadata          jsonb,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_persona_analytics_confidence_score CHECK (confidence_score BETWEEN 0 AND 1),
    CONSTRAINT chk_persona_analytics_sample_size CHECK (sample_size >= 0),
    CONSTRAINT chk_persona_analytics_time_period CHECK (time_period_end >= time_period_start)
);
-- N7: no single-column index on persona_id, the two composites below start with it.
CREATE INDEX idx_persona_analytics_metric_type ON persona_analytics (metric_type);
CREATE INDEX idx_persona_analytics_metric_name ON persona_analytics (metric_name);
CREATE INDEX idx_persona_analytics_user_id ON persona_analytics (user_id);
CREATE INDEX idx_persona_analytics_recorded_at ON persona_analytics (recorded_at);
CREATE INDEX idx_persona_analytics_time_period ON persona_analytics (time_period_start, time_period_end);
CREATE INDEX idx_persona_analytics_aggregation_level ON persona_analytics (aggregation_level);
CREATE INDEX idx_persona_analytics_session_id ON persona_analytics (session_id);
CREATE INDEX idx_persona_analytics_discussion_id ON persona_analytics (discussion_id);
CREATE INDEX idx_persona_analytics_persona_metric_time
    ON persona_analytics (persona_id, metric_type, recorded_at);
CREATE INDEX idx_persona_analytics_persona_user_time
    ON persona_analytics (persona_id, user_id, recorded_at);
CREATE TRIGGER trg_persona_analytics_updated_at BEFORE UPDATE ON persona_analytics
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
