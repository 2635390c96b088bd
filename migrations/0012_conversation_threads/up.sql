-- 0012_conversation_threads: threads, messages (full-text searchable through a
-- trigger-maintained search_vector), tool_calls made by messages, and token_consumption
-- (daily token/cost totals per model, organisation and user, for charts).

CREATE TYPE threads_status_enum AS ENUM ('active', 'archived', 'closed');
CREATE TYPE messages_role_enum AS ENUM ('system', 'user', 'assistant', 'tool');
CREATE TYPE tool_calls_status_enum AS ENUM ('pending', 'running', 'succeeded', 'failed', 'cancelled');

CREATE TABLE threads (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
    -- Owner. A user's conversations are personal data and are deleted with the account;
    -- NULL for system / agent-to-agent threads.
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    agent_id        uuid REFERENCES agents (id) ON DELETE SET NULL,
    persona_id      uuid REFERENCES personas (id) ON DELETE SET NULL,
    discussion_id   uuid REFERENCES discussions (id) ON DELETE SET NULL,
    project_id      uuid REFERENCES projects (id) ON DELETE SET NULL,
    title           varchar(500),
    status          threads_status_enum NOT NULL DEFAULT 'active',
    model           text,
    system_prompt   text,
    tags            jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata        jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- A user's / an organisation's recent threads.
CREATE INDEX idx_threads_user_updated_at ON threads (user_id, updated_at);
CREATE INDEX idx_threads_organization_updated_at ON threads (organization_id, updated_at);
CREATE INDEX idx_threads_agent_id ON threads (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX idx_threads_persona_id ON threads (persona_id) WHERE persona_id IS NOT NULL;
CREATE INDEX idx_threads_discussion_id ON threads (discussion_id) WHERE discussion_id IS NOT NULL;
CREATE INDEX idx_threads_project_id ON threads (project_id) WHERE project_id IS NOT NULL;
CREATE TRIGGER trg_threads_updated_at BEFORE UPDATE ON threads
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE messages (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    thread_id         uuid NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    parent_message_id uuid REFERENCES messages (id) ON DELETE SET NULL,  -- branch / edit history
    role              messages_role_enum NOT NULL,
    author_user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    agent_id          uuid REFERENCES agents (id) ON DELETE SET NULL,
    content           text NOT NULL,
    model             text,
    input_tokens      integer,
    output_tokens     integer,
    finish_reason     varchar(50),
    metadata          jsonb,
    search_vector     tsvector,  -- maintained by trg_messages_search_vector
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_messages_tokens CHECK (input_tokens >= 0 AND output_tokens >= 0),
    CONSTRAINT chk_messages_not_own_parent CHECK (parent_message_id <> id)
);
CREATE INDEX idx_messages_thread_created_at ON messages (thread_id, created_at);
CREATE INDEX idx_messages_search_vector ON messages USING gin (search_vector);
CREATE INDEX idx_messages_parent_message_id ON messages (parent_message_id) WHERE parent_message_id IS NOT NULL;
CREATE INDEX idx_messages_author_user_id ON messages (author_user_id) WHERE author_user_id IS NOT NULL;
CREATE INDEX idx_messages_agent_id ON messages (agent_id) WHERE agent_id IS NOT NULL;

-- Recomputes search_vector on INSERT, and on UPDATE when content (or the vector itself) changed.
CREATE FUNCTION messages_search_vector_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT'
       OR NEW.content IS DISTINCT FROM OLD.content
       OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
        NEW.search_vector := to_tsvector('english', coalesce(NEW.content, ''));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_messages_search_vector BEFORE INSERT OR UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION messages_search_vector_refresh();
CREATE TRIGGER trg_messages_updated_at BEFORE UPDATE ON messages
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE tool_calls (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    message_id        uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    call_id           varchar(255) NOT NULL,  -- the model provider's id of the call
    tool_id           uuid REFERENCES tool_definitions (id) ON DELETE SET NULL,
    tool_name         varchar(255) NOT NULL,  -- kept when the tool definition is deleted
    arguments         jsonb NOT NULL DEFAULT '{}'::jsonb,
    result            jsonb,
    status            tool_calls_status_enum NOT NULL DEFAULT 'pending',
    error_message     text,
    tool_execution_id uuid REFERENCES tool_executions (id) ON DELETE SET NULL,
    started_at        timestamptz,
    completed_at      timestamptz,
    duration_ms       integer,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tool_calls_message_id_call_id_key UNIQUE (message_id, call_id),
    CONSTRAINT chk_tool_calls_duration CHECK (duration_ms >= 0),
    CONSTRAINT chk_tool_calls_period CHECK (completed_at >= started_at)
);
-- (message_id alone needs no index: the UNIQUE (message_id, call_id) starts with it.)
CREATE INDEX idx_tool_calls_tool_name_created_at ON tool_calls (tool_name, created_at);
CREATE INDEX idx_tool_calls_tool_id ON tool_calls (tool_id) WHERE tool_id IS NOT NULL;
CREATE INDEX idx_tool_calls_tool_execution_id ON tool_calls (tool_execution_id)
    WHERE tool_execution_id IS NOT NULL;
CREATE INDEX idx_tool_calls_unfinished ON tool_calls (status, created_at)
    WHERE status IN ('pending', 'running');
CREATE TRIGGER trg_tool_calls_updated_at BEFORE UPDATE ON tool_calls
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- One row per (day, model, organisation, user); NULL organisation / user = not attributed.
-- Upsert with ON CONFLICT (usage_date, model, organization_id, user_id) DO UPDATE.
CREATE TABLE token_consumption (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    usage_date      date NOT NULL,
    model           text NOT NULL,
    -- CASCADE, not SET NULL: nulling the column could collide with the natural key below
    -- (an existing unattributed row of the same day and model) and make the delete fail.
    organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    input_tokens    bigint NOT NULL DEFAULT 0,
    output_tokens   bigint NOT NULL DEFAULT 0,
    cost            numeric(14,6) NOT NULL DEFAULT 0,  -- D8: bounded money
    request_count   integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT token_consumption_natural_key
        UNIQUE NULLS NOT DISTINCT (usage_date, model, organization_id, user_id),
    CONSTRAINT chk_token_consumption_model CHECK (model <> ''),
    CONSTRAINT chk_token_consumption_counters
        CHECK (input_tokens >= 0 AND output_tokens >= 0 AND request_count >= 0),
    CONSTRAINT chk_token_consumption_cost CHECK (cost >= 0)
);
-- Per-organisation and per-user charts over a date range (also the FK indexes).
CREATE INDEX idx_token_consumption_organization_date ON token_consumption (organization_id, usage_date);
CREATE INDEX idx_token_consumption_user_date ON token_consumption (user_id, usage_date);
CREATE TRIGGER trg_token_consumption_updated_at BEFORE UPDATE ON token_consumption
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
