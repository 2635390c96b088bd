-- 0007_operations: operations, operation_states, operation_checkpoints, step_results,
-- approval_workflows, approval_decisions; and the FKs discussions.operation_id,
-- persona_analytics.operation_id, tool_executions.operation_id -> operations (N5).
-- N10/N11: every id column is uuid (the entities had varchar) with a real FK.
-- D10: rows that only describe an operation (states, checkpoints, step results, approval
-- workflows and their decisions) CASCADE with it; user references in rows that outlive the
-- user are nullable with ON DELETE SET NULL.

CREATE TYPE operation_status AS ENUM  -- shared by operations.status and operation_states.from/to_status
    ('pending', 'queued', 'running', 'completed', 'failed', 'cancelled', 'suspended', 'paused', 'compensating');
CREATE TYPE operation_checkpoints_checkpoint_type_enum AS ENUM
    ('manual', 'automatic', 'step', 'milestone',
     'state_snapshot', 'progress_marker', 'error_recovery');  -- N13: + the app's CheckpointType values
CREATE TYPE step_results_status_enum AS ENUM
    ('pending', 'running', 'completed', 'failed', 'skipped', 'cancelled');
CREATE TYPE approval_workflows_status_enum AS ENUM ('pending', 'approved', 'rejected', 'expired', 'cancelled');
CREATE TYPE approval_decisions_decision_enum AS ENUM ('approve', 'reject');

CREATE TABLE operations (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type                  varchar(100) NOT NULL,
    status                operation_status NOT NULL DEFAULT 'pending',  -- N14: default 'pending' kept
    agent_id              uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,  -- N10: uuid
    user_id               uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,   -- N10: uuid
    name                  varchar(255) NOT NULL,
    description           text,
    execution_plan        jsonb NOT NULL,
    context               jsonb,
    result                jsonb,
    error                 text,
    started_at            timestamptz,
    completed_at          timestamptz,
    estimated_duration    integer,
    actual_duration       integer,
    priority              task_priority NOT NULL DEFAULT 'medium',  -- N8: shared low..urgent type
    progress              numeric(5,2),
    current_step          integer NOT NULL DEFAULT 0,
    total_steps           integer,
    step_details          jsonb,
    retry_count           integer NOT NULL DEFAULT 0,
    max_retries           integer NOT NULL DEFAULT 3,
    retry_delay           integer,
    timeout_duration      integer,
    resource_requirements jsonb,
    resource_allocation   jsonb,
    performance_metrics   jsonb,
    quality_metrics       jsonb,
    dependencies          jsonb NOT NULL DEFAULT '[]'::jsonb,
    dependent_operations  jsonb NOT NULL DEFAULT '[]'::jsonb,
    tags                  jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata              jsonb,
    is_archived           boolean NOT NULL DEFAULT false,
    archived_at           timestamptz,
    archived_by           uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    archive_reason        text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_operations_progress CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT chk_operations_steps CHECK (current_step >= 0 AND total_steps >= 0),
    CONSTRAINT chk_operations_retries CHECK (retry_count >= 0 AND max_retries >= 0),
    CONSTRAINT chk_operations_period CHECK (completed_at >= started_at)
);
CREATE INDEX idx_operations_status_agent_id ON operations (status, agent_id);
CREATE INDEX idx_operations_type_created_at ON operations (type, created_at);
CREATE INDEX idx_operations_priority_status ON operations (priority, status);
CREATE INDEX idx_operations_user_id ON operations (user_id);
CREATE INDEX idx_operations_started_at_completed_at ON operations (started_at, completed_at);
-- FK support: ON DELETE CASCADE from agents, SET NULL from users.
CREATE INDEX idx_operations_agent_id ON operations (agent_id);
CREATE INDEX idx_operations_archived_by ON operations (archived_by) WHERE archived_by IS NOT NULL;
CREATE INDEX idx_operations_tags ON operations USING gin (tags);  -- N4
CREATE TRIGGER trg_operations_updated_at BEFORE UPDATE ON operations
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE operation_states (
    id                            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    operation_id                  uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,  -- N10, D10
    from_status                   operation_status,
    to_status                     operation_status NOT NULL,
    transitioned_at               timestamptz NOT NULL DEFAULT now(),
    transitioned_by               uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    reason                        text,
    context                       jsonb,
    duration_in_previous_state_ms integer,
    is_automatic                  boolean NOT NULL DEFAULT false,
    metadata                      jsonb,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_operation_states_operation_transitioned_at ON operation_states (operation_id, transitioned_at);
CREATE INDEX idx_operation_states_from_to_status ON operation_states (from_status, to_status);
CREATE INDEX idx_operation_states_transitioned_at ON operation_states (transitioned_at);
CREATE INDEX idx_operation_states_transitioned_by ON operation_states (transitioned_by)
    WHERE transitioned_by IS NOT NULL;
CREATE TRIGGER trg_operation_states_updated_at BEFORE UPDATE ON operation_states
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE operation_checkpoints (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    operation_id          uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,  -- N10, D10
    name                  varchar(255) NOT NULL,
    description           text,
    checkpoint_type       operation_checkpoints_checkpoint_type_enum NOT NULL DEFAULT 'automatic',
    step_number           integer,
    state                 jsonb NOT NULL,
    context               jsonb,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    is_active             boolean NOT NULL DEFAULT true,
    can_rollback_to       boolean NOT NULL DEFAULT true,
    rollback_instructions text,
    data_size_bytes       integer,
    compression_used      boolean NOT NULL DEFAULT false,
    expires_at            timestamptz,
    tags                  jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata              jsonb,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_operation_checkpoints_data_size CHECK (data_size_bytes >= 0)
);
CREATE INDEX idx_operation_checkpoints_operation_created_at ON operation_checkpoints (operation_id, created_at);
CREATE INDEX idx_operation_checkpoints_type_active ON operation_checkpoints (checkpoint_type, is_active);
CREATE INDEX idx_operation_checkpoints_step_number ON operation_checkpoints (step_number);
CREATE INDEX idx_operation_checkpoints_created_by ON operation_checkpoints (created_by)
    WHERE created_by IS NOT NULL;
CREATE TRIGGER trg_operation_checkpoints_updated_at BEFORE UPDATE ON operation_checkpoints
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE step_results (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    operation_id      uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,  -- N10, D10
    step_number       integer NOT NULL,
    step_name         varchar(255) NOT NULL,
    step_type         varchar(100) NOT NULL,
    status            step_results_status_enum NOT NULL DEFAULT 'pending',
    started_at        timestamptz,
    completed_at      timestamptz,
    execution_time_ms integer,
    input             jsonb,
    output            jsonb,
    error             text,
    error_code        varchar(50),
    retry_count       integer NOT NULL DEFAULT 0,
    max_retries       integer NOT NULL DEFAULT 3,
    quality_score     numeric(3,2),
    confidence_score  numeric(3,2),
    metrics           jsonb,
    tags              jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata          jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_step_results_step_number CHECK (step_number >= 0),
    CONSTRAINT chk_step_results_retries CHECK (retry_count >= 0 AND max_retries >= 0),
    CONSTRAINT chk_step_results_confidence_score CHECK (confidence_score BETWEEN 0 AND 1),
    CONSTRAINT chk_step_results_period CHECK (completed_at >= started_at)
);
-- Not unique: a retried step records one result per attempt.
CREATE INDEX idx_step_results_operation_step ON step_results (operation_id, step_number);
CREATE INDEX idx_step_results_status_completed_at ON step_results (status, completed_at);
CREATE INDEX idx_step_results_step_type ON step_results (step_type);
CREATE TRIGGER trg_step_results_updated_at BEFORE UPDATE ON step_results
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE approval_workflows (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- N10: uuid; N12: NOT NULL column and relation agree (a workflow always belongs to an operation).
    operation_id       uuid NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
    required_approvers jsonb NOT NULL,  -- array of users.id values
    current_approvers  jsonb NOT NULL DEFAULT '[]'::jsonb,
    status             approval_workflows_status_enum NOT NULL DEFAULT 'pending',
    expires_at         timestamptz,
    last_reminder_at   timestamptz,
    metadata           jsonb,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_approval_workflows_operation_status ON approval_workflows (operation_id, status);
CREATE INDEX idx_approval_workflows_status_expires_at ON approval_workflows (status, expires_at);
CREATE INDEX idx_approval_workflows_created_at ON approval_workflows (created_at);
CREATE TRIGGER trg_approval_workflows_updated_at BEFORE UPDATE ON approval_workflows
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE approval_decisions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow_id uuid NOT NULL REFERENCES approval_workflows (id) ON DELETE CASCADE,  -- N10, D10
    -- N11: uuid + FK; N2 rule: nullable with ON DELETE SET NULL so the decision survives its approver.
    approver_id uuid REFERENCES users (id) ON DELETE SET NULL,
    decision    approval_decisions_decision_enum NOT NULL,
    conditions  jsonb,
    feedback    text,
    decided_at  timestamptz NOT NULL DEFAULT now(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_approval_decisions_workflow_decided_at ON approval_decisions (workflow_id, decided_at);
CREATE INDEX idx_approval_decisions_approver_id ON approval_decisions (approver_id);
CREATE TRIGGER trg_approval_decisions_updated_at BEFORE UPDATE ON approval_decisions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- N5: operation_id columns of earlier tables now have their target.
ALTER TABLE discussions
    ADD CONSTRAINT discussions_operation_id_fkey
    FOREIGN KEY (operation_id) REFERENCES operations (id) ON DELETE SET NULL;
CREATE INDEX idx_discussions_operation_id ON discussions (operation_id) WHERE operation_id IS NOT NULL;

ALTER TABLE persona_analytics
    ADD CONSTRAINT persona_analytics_operation_id_fkey
    FOREIGN KEY (operation_id) REFERENCES operations (id) ON DELETE SET NULL;
CREATE INDEX idx_persona_analytics_operation_id ON persona_analytics (operation_id)
    WHERE operation_id IS NOT NULL;

ALTER TABLE tool_executions
    ADD CONSTRAINT tool_executions_operation_id_fkey
    FOREIGN KEY (operation_id) REFERENCES operations (id) ON DELETE SET NULL;
CREATE INDEX idx_tool_executions_operation_id ON tool_executions (operation_id)
    WHERE operation_id IS NOT NULL;
