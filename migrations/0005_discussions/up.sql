-- 0005_discussions: discussions and discussion_participants; and the FK
-- persona_analytics.discussion_id -> discussions (N5).
-- discussions.operation_id gets its FK in 0007, organization_id / team_id in 0011 (N5).

CREATE TYPE discussions_status_enum AS ENUM
    ('draft', 'active', 'paused', 'completed', 'cancelled', 'archived');
CREATE TYPE discussion_participants_participant_type_enum AS ENUM ('agent', 'persona', 'user', 'system');
CREATE TYPE discussion_participants_role_in_discussion_enum AS ENUM
    ('moderator', 'participant', 'observer', 'facilitator', 'expert', 'critic');

CREATE TABLE discussions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title                varchar(255) NOT NULL,
    topic                varchar(1000) NOT NULL,
    description          text,
    document_id          uuid,  -- external document key: no documents table exists to reference
    operation_id         uuid,  -- FK -> operations added in 0007 (N5)
    state                jsonb,
    settings             jsonb NOT NULL,
    turn_strategy        jsonb NOT NULL,
    status               discussions_status_enum NOT NULL DEFAULT 'draft',
    visibility           visibility NOT NULL DEFAULT 'private',  -- N8: shared enum type
    created_by           uuid REFERENCES users (id) ON DELETE SET NULL,  -- N2: nullable, ON DELETE SET NULL
    organization_id      uuid,  -- FK -> organizations added in 0011 (N5)
    team_id              uuid,  -- FK -> teams added in 0011 (N5)
    started_at           timestamptz,
    ended_at             timestamptz,
    scheduled_for        timestamptz,
    estimated_duration   integer,
    actual_duration      integer,
    tags                 text[] NOT NULL DEFAULT '{}',
    objectives           text[] NOT NULL DEFAULT '{}',
    outcomes             jsonb NOT NULL DEFAULT '[]'::jsonb,
    related_discussions  uuid[] NOT NULL DEFAULT '{}',  -- array elements cannot carry FKs
    parent_discussion_id uuid REFERENCES discussions (id) ON DELETE SET NULL,
    child_discussions    uuid[] NOT NULL DEFAULT '{}',  -- array elements cannot carry FKs
    analytics            jsonb,
    metadata             jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_discussions_period CHECK (ended_at >= started_at),
    CONSTRAINT chk_discussions_durations CHECK (estimated_duration >= 0 AND actual_duration >= 0)
);
CREATE INDEX idx_discussions_status_visibility ON discussions (status, visibility);
CREATE INDEX idx_discussions_created_by ON discussions (created_by);
CREATE INDEX idx_discussions_organization_id ON discussions (organization_id);
CREATE INDEX idx_discussions_team_id ON discussions (team_id);
CREATE INDEX idx_discussions_started_at ON discussions (started_at);
CREATE INDEX idx_discussions_ended_at ON discussions (ended_at);
CREATE INDEX idx_discussions_scheduled_for ON discussions (scheduled_for);
CREATE INDEX idx_discussions_parent_discussion_id ON discussions (parent_discussion_id);
CREATE INDEX idx_discussions_tags ON discussions USING gin (tags);  -- N4: GIN, not btree, on text[]
CREATE TRIGGER trg_discussions_updated_at BEFORE UPDATE ON discussions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE discussion_participants (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    discussion_id          uuid NOT NULL REFERENCES discussions (id) ON DELETE CASCADE,
    participant_type       discussion_participants_participant_type_enum NOT NULL,
    participant_id         uuid NOT NULL,
    -- N5: agent_id gets its FK. N6/D10: the three typed references CASCADE (the reference
    -- had SET NULL on persona_id/user_id), because the CHECK below requires the column of
    -- the participant's type to be filled: SET NULL would make deleting a user fail.
    persona_id             uuid REFERENCES personas (id) ON DELETE CASCADE,
    agent_id               uuid REFERENCES agents (id) ON DELETE CASCADE,
    user_id                uuid REFERENCES users (id) ON DELETE CASCADE,
    display_name           varchar(255),
    role_in_discussion     discussion_participants_role_in_discussion_enum NOT NULL DEFAULT 'participant',
    permissions            jsonb NOT NULL DEFAULT '[]'::jsonb,
    turn_order             integer,
    turn_weight            numeric(3,2) NOT NULL DEFAULT 1.0,
    participation_config   jsonb,
    behavioral_constraints jsonb,
    context_awareness      jsonb,
    is_active              boolean NOT NULL DEFAULT true,
    is_muted               boolean NOT NULL DEFAULT false,
    can_initiate_turns     boolean NOT NULL DEFAULT true,
    can_moderate           boolean NOT NULL DEFAULT false,
    max_consecutive_turns  integer NOT NULL DEFAULT 3,
    cooldown_period        integer NOT NULL DEFAULT 0,
    response_timeout       integer NOT NULL DEFAULT 30,
    joined_at              timestamptz NOT NULL DEFAULT now(),
    left_at                timestamptz,
    last_active_at         timestamptz NOT NULL DEFAULT now(),
    total_messages         integer NOT NULL DEFAULT 0,
    total_words            integer NOT NULL DEFAULT 0,
    average_response_time  numeric(10,2),
    engagement_score       numeric(3,2),
    contribution_quality   numeric(3,2),
    tags                   jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata               jsonb,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unique_discussion_participant UNIQUE (discussion_id, participant_type, participant_id),
    -- N6: participant_type decides which reference column is filled; participant_id mirrors it.
    CONSTRAINT chk_discussion_participants_type_matches_reference CHECK (
        CASE participant_type
            WHEN 'agent'   THEN agent_id IS NOT NULL AND participant_id = agent_id
                                AND persona_id IS NULL AND user_id IS NULL
            WHEN 'persona' THEN persona_id IS NOT NULL AND participant_id = persona_id
                                AND agent_id IS NULL AND user_id IS NULL
            WHEN 'user'    THEN user_id IS NOT NULL AND participant_id = user_id
                                AND agent_id IS NULL AND persona_id IS NULL
            WHEN 'system'  THEN agent_id IS NULL AND persona_id IS NULL AND user_id IS NULL
            ELSE false
        END
    ),
    CONSTRAINT chk_discussion_participants_turns
        CHECK (max_consecutive_turns >= 0 AND cooldown_period >= 0 AND response_timeout >= 0
               AND total_messages >= 0 AND total_words >= 0)
);
-- N7: no single-column index on discussion_id, the UNIQUE and the composites start with it.
CREATE INDEX idx_discussion_participants_participant_type ON discussion_participants (participant_type);
CREATE INDEX idx_discussion_participants_participant_id ON discussion_participants (participant_id);
CREATE INDEX idx_discussion_participants_persona_id ON discussion_participants (persona_id);
CREATE INDEX idx_discussion_participants_agent_id ON discussion_participants (agent_id);
CREATE INDEX idx_discussion_participants_user_id ON discussion_participants (user_id);
CREATE INDEX idx_discussion_participants_role_in_discussion ON discussion_participants (role_in_discussion);
CREATE INDEX idx_discussion_participants_is_active ON discussion_participants (is_active);
CREATE INDEX idx_discussion_participants_turn_order ON discussion_participants (turn_order);
CREATE INDEX idx_discussion_participants_joined_at ON discussion_participants (joined_at);
CREATE INDEX idx_discussion_participants_last_active_at ON discussion_participants (last_active_at);
CREATE INDEX idx_discussion_participants_discussion_type_active
    ON discussion_participants (discussion_id, participant_type, is_active);
CREATE INDEX idx_discussion_participants_discussion_role_order
    ON discussion_participants (discussion_id, role_in_discussion, turn_order);
CREATE TRIGGER trg_discussion_participants_updated_at BEFORE UPDATE ON discussion_participants
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- N5: persona_analytics.discussion_id now has its target (its index exists since 0003).
ALTER TABLE persona_analytics
    ADD CONSTRAINT persona_analytics_discussion_id_fkey
    FOREIGN KEY (discussion_id) REFERENCES discussions (id) ON DELETE SET NULL;
