-- 0011_orchestration: multi-tenancy and RBAC: organizations, teams, team_members, roles,
-- permissions, role_permissions, user_roles, projects, task_templates, tasks, workflows,
-- workflow_executions, knowledge_items, audit_logs; and the FKs of earlier tables whose
-- targets exist now (N5): personas.organization_id / team_id, discussions.organization_id /
-- team_id -> organizations / teams, artifacts.project_id -> projects (all ON DELETE SET NULL).
-- Rules: organisation-owned rows have organization_id NOT NULL ... ON DELETE CASCADE;
-- user references are nullable with ON DELETE SET NULL (N2 rule); every FK column is indexed
-- (partial WHERE ... IS NOT NULL on sparse nullable columns).

CREATE TYPE projects_status_enum AS ENUM ('planning', 'active', 'on_hold', 'completed', 'archived');
CREATE TYPE tasks_status_enum AS ENUM ('todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled');
CREATE TYPE workflows_status_enum AS ENUM ('draft', 'active', 'disabled', 'archived');
CREATE TYPE workflows_trigger_type_enum AS ENUM ('manual', 'schedule', 'event', 'api');
CREATE TYPE workflow_executions_status_enum AS ENUM
    ('pending', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out');
CREATE TYPE knowledge_items_item_type_enum AS ENUM
    ('document', 'fact', 'procedure', 'faq', 'reference', 'note', 'decision');
CREATE TYPE knowledge_items_source_type_enum AS ENUM
    ('manual', 'upload', 'import', 'discussion', 'operation', 'agent');
CREATE TYPE audit_logs_actor_type_enum AS ENUM ('user', 'agent', 'system');

-- Tenants ---------------------------------------------------------------------------------

CREATE TABLE organizations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    slug        varchar(100) NOT NULL,
    description text,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_active   boolean NOT NULL DEFAULT true,
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizations_slug_key UNIQUE (slug),
    CONSTRAINT chk_organizations_slug CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
CREATE INDEX idx_organizations_created_by ON organizations (created_by) WHERE created_by IS NOT NULL;
CREATE TRIGGER trg_organizations_updated_at BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- Teams give the 'team' visibility and the team_id columns of personas/discussions a target.
CREATE TABLE teams (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            varchar(255) NOT NULL,
    description     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT teams_organization_id_name_key UNIQUE (organization_id, name)
);
CREATE TRIGGER trg_teams_updated_at BEFORE UPDATE ON teams
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE team_members (
    team_id   uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    is_lead   boolean NOT NULL DEFAULT false,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX idx_team_members_user_id ON team_members (user_id);

-- RBAC --------------------------------------------------------------------------------------

CREATE TABLE permissions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource    varchar(100) NOT NULL,  -- e.g. 'personas', 'ai_prompts'
    action      varchar(50) NOT NULL,   -- e.g. 'read', 'write', 'delete', 'approve'
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT permissions_resource_action_key UNIQUE (resource, action),
    CONSTRAINT chk_permissions_identifiers
        CHECK (resource ~ '^[a-z][a-z0-9_.]*$' AND action ~ '^[a-z][a-z0-9_]*$')
);
CREATE TRIGGER trg_permissions_updated_at BEFORE UPDATE ON permissions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE roles (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- NULL = built-in role usable in every organisation. CASCADE, not SET NULL: an
    -- organisation's own role must never turn into a global one.
    organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
    name            varchar(100) NOT NULL,
    description     text,
    is_system       boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT roles_organization_id_name_key UNIQUE NULLS NOT DISTINCT (organization_id, name)
);
CREATE TRIGGER trg_roles_updated_at BEFORE UPDATE ON roles
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE role_permissions (
    role_id       uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission_id uuid NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
    granted_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    granted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX idx_role_permissions_permission_id ON role_permissions (permission_id);
CREATE INDEX idx_role_permissions_granted_by ON role_permissions (granted_by) WHERE granted_by IS NOT NULL;

-- A user's roles in an organisation (holding a role there is what membership means).
CREATE TABLE user_roles (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id         uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    granted_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    granted_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    PRIMARY KEY (organization_id, user_id, role_id)
);
CREATE INDEX idx_user_roles_user_id ON user_roles (user_id);
CREATE INDEX idx_user_roles_role_id ON user_roles (role_id);
CREATE INDEX idx_user_roles_granted_by ON user_roles (granted_by) WHERE granted_by IS NOT NULL;

-- A role granted in an organisation must be global or belong to that organisation.
CREATE FUNCTION user_roles_check_role_scope() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    role_org uuid;
BEGIN
    SELECT r.organization_id INTO role_org FROM roles r WHERE r.id = NEW.role_id;
    IF role_org IS NOT NULL AND role_org <> NEW.organization_id THEN
        RAISE EXCEPTION 'role % belongs to organization %, not to %',
                        NEW.role_id, role_org, NEW.organization_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_user_roles_check_role_scope
    BEFORE INSERT OR UPDATE OF organization_id, role_id ON user_roles
    FOR EACH ROW EXECUTE FUNCTION user_roles_check_role_scope();

-- Work -------------------------------------------------------------------------------------

CREATE TABLE projects (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    team_id         uuid REFERENCES teams (id) ON DELETE SET NULL,
    name            varchar(255) NOT NULL,
    description     text,
    status          projects_status_enum NOT NULL DEFAULT 'active',
    visibility      visibility NOT NULL DEFAULT 'organization',
    owner_id        uuid REFERENCES users (id) ON DELETE SET NULL,
    settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
    tags            jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata        jsonb,
    start_date      date,
    due_date        date,
    archived_at     timestamptz,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_organization_id_name_key UNIQUE (organization_id, name),
    CONSTRAINT chk_projects_dates CHECK (due_date >= start_date)
);
CREATE INDEX idx_projects_organization_status ON projects (organization_id, status);
CREATE INDEX idx_projects_team_id ON projects (team_id) WHERE team_id IS NOT NULL;
CREATE INDEX idx_projects_owner_id ON projects (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX idx_projects_created_by ON projects (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX idx_projects_tags ON projects USING gin (tags);
CREATE TRIGGER trg_projects_updated_at BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE task_templates (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- NULL = global template. CASCADE, not SET NULL: a private template must not become global.
    organization_id          uuid REFERENCES organizations (id) ON DELETE CASCADE,
    name                     varchar(255) NOT NULL,
    description              text,
    default_priority         task_priority NOT NULL DEFAULT 'medium',
    default_estimate_minutes integer,
    checklist                jsonb NOT NULL DEFAULT '[]'::jsonb,
    template_data            jsonb NOT NULL DEFAULT '{}'::jsonb,
    tags                     jsonb NOT NULL DEFAULT '[]'::jsonb,
    is_active                boolean NOT NULL DEFAULT true,
    created_by               uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT task_templates_organization_id_name_key UNIQUE NULLS NOT DISTINCT (organization_id, name),
    CONSTRAINT chk_task_templates_estimate CHECK (default_estimate_minutes > 0)
);
CREATE INDEX idx_task_templates_created_by ON task_templates (created_by) WHERE created_by IS NOT NULL;
CREATE TRIGGER trg_task_templates_updated_at BEFORE UPDATE ON task_templates
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE workflows (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    project_id      uuid REFERENCES projects (id) ON DELETE SET NULL,
    name            varchar(255) NOT NULL,
    description     text,
    version         integer NOT NULL DEFAULT 1,
    status          workflows_status_enum NOT NULL DEFAULT 'draft',
    trigger_type    workflows_trigger_type_enum NOT NULL DEFAULT 'manual',
    trigger_config  jsonb,           -- cron expression, event name, ...
    definition      jsonb NOT NULL,  -- steps and transitions
    tags            jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_by      uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workflows_organization_id_name_version_key UNIQUE (organization_id, name, version),
    CONSTRAINT chk_workflows_version CHECK (version >= 1)
);
CREATE INDEX idx_workflows_organization_status ON workflows (organization_id, status);
CREATE INDEX idx_workflows_project_id ON workflows (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX idx_workflows_created_by ON workflows (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX idx_workflows_updated_by ON workflows (updated_by) WHERE updated_by IS NOT NULL;
CREATE TRIGGER trg_workflows_updated_at BEFORE UPDATE ON workflows
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE workflow_executions (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow_id      uuid NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    workflow_version integer NOT NULL,
    status           workflow_executions_status_enum NOT NULL DEFAULT 'pending',
    triggered_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    trigger_source   varchar(100),  -- 'manual', 'schedule', an event name, ...
    operation_id     uuid REFERENCES operations (id) ON DELETE SET NULL,
    input            jsonb,
    output           jsonb,
    error            text,
    started_at       timestamptz,
    completed_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_workflow_executions_version CHECK (workflow_version >= 1),
    CONSTRAINT chk_workflow_executions_period CHECK (completed_at >= started_at)
);
CREATE INDEX idx_workflow_executions_workflow_created ON workflow_executions (workflow_id, created_at);
CREATE INDEX idx_workflow_executions_unfinished ON workflow_executions (status, created_at)
    WHERE status IN ('pending', 'running');
CREATE INDEX idx_workflow_executions_triggered_by ON workflow_executions (triggered_by)
    WHERE triggered_by IS NOT NULL;
CREATE INDEX idx_workflow_executions_operation_id ON workflow_executions (operation_id)
    WHERE operation_id IS NOT NULL;
CREATE TRIGGER trg_workflow_executions_updated_at BEFORE UPDATE ON workflow_executions
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE tasks (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    project_id            uuid REFERENCES projects (id) ON DELETE CASCADE,  -- a project's tasks go with it
    parent_task_id        uuid REFERENCES tasks (id) ON DELETE CASCADE,     -- sub-tasks go with their parent
    template_id           uuid REFERENCES task_templates (id) ON DELETE SET NULL,
    workflow_execution_id uuid REFERENCES workflow_executions (id) ON DELETE SET NULL,
    title                 varchar(500) NOT NULL,
    description           text,
    status                tasks_status_enum NOT NULL DEFAULT 'todo',
    priority              task_priority NOT NULL DEFAULT 'medium',
    assignee_user_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    assignee_agent_id     uuid REFERENCES agents (id) ON DELETE SET NULL,
    sort_order            integer NOT NULL DEFAULT 0,
    estimate_minutes      integer,
    due_at                timestamptz,
    started_at            timestamptz,
    completed_at          timestamptz,
    tags                  jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata              jsonb,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_tasks_not_own_parent CHECK (parent_task_id <> id),
    CONSTRAINT chk_tasks_estimate CHECK (estimate_minutes > 0),
    CONSTRAINT chk_tasks_period CHECK (completed_at >= started_at)
);
-- Board of a project / of an organisation, with due dates.
CREATE INDEX idx_tasks_project_status ON tasks (project_id, status);
CREATE INDEX idx_tasks_organization_status_due ON tasks (organization_id, status, due_at);
-- "My tasks" for a user or an agent.
CREATE INDEX idx_tasks_assignee_user ON tasks (assignee_user_id, status) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX idx_tasks_assignee_agent ON tasks (assignee_agent_id, status) WHERE assignee_agent_id IS NOT NULL;
CREATE INDEX idx_tasks_parent_task_id ON tasks (parent_task_id) WHERE parent_task_id IS NOT NULL;
CREATE INDEX idx_tasks_template_id ON tasks (template_id) WHERE template_id IS NOT NULL;
CREATE INDEX idx_tasks_workflow_execution_id ON tasks (workflow_execution_id)
    WHERE workflow_execution_id IS NOT NULL;
CREATE INDEX idx_tasks_created_by ON tasks (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX idx_tasks_tags ON tasks USING gin (tags);
CREATE TRIGGER trg_tasks_updated_at BEFORE UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE knowledge_items (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    project_id           uuid REFERENCES projects (id) ON DELETE SET NULL,
    item_type            knowledge_items_item_type_enum NOT NULL DEFAULT 'document',
    title                varchar(500) NOT NULL,
    summary              text,
    content              text NOT NULL,
    source_type          knowledge_items_source_type_enum NOT NULL DEFAULT 'manual',
    source_url           text,
    source_discussion_id uuid REFERENCES discussions (id) ON DELETE SET NULL,
    visibility           visibility NOT NULL DEFAULT 'organization',
    confidence           numeric(3,2),
    version              integer NOT NULL DEFAULT 1,
    is_archived          boolean NOT NULL DEFAULT false,
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata             jsonb,
    search_vector        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(content, '')), 'C')
    ) STORED,
    created_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_by           uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_knowledge_items_confidence CHECK (confidence BETWEEN 0 AND 1),
    CONSTRAINT chk_knowledge_items_version CHECK (version >= 1)
);
CREATE INDEX idx_knowledge_items_organization_type ON knowledge_items (organization_id, item_type);
CREATE INDEX idx_knowledge_items_project_id ON knowledge_items (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX idx_knowledge_items_source_discussion_id ON knowledge_items (source_discussion_id)
    WHERE source_discussion_id IS NOT NULL;
CREATE INDEX idx_knowledge_items_created_by ON knowledge_items (created_by) WHERE created_by IS NOT NULL;
CREATE INDEX idx_knowledge_items_updated_by ON knowledge_items (updated_by) WHERE updated_by IS NOT NULL;
CREATE INDEX idx_knowledge_items_search_vector ON knowledge_items USING gin (search_vector);
CREATE INDEX idx_knowledge_items_tags ON knowledge_items USING gin (tags);
CREATE TRIGGER trg_knowledge_items_updated_at BEFORE UPDATE ON knowledge_items
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

-- Append-only audit trail (no updated_at). Audit rows outlive what they describe: every
-- reference is nullable with SET NULL; entity_id is polymorphic and has no FK.
CREATE TABLE audit_logs (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
    actor_type      audit_logs_actor_type_enum NOT NULL DEFAULT 'user',
    actor_user_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_agent_id  uuid REFERENCES agents (id) ON DELETE SET NULL,
    action          varchar(100) NOT NULL,  -- e.g. 'ai_prompt.publish', 'user.delete'
    entity_type     varchar(100) NOT NULL,  -- table name of the entity
    entity_id       uuid,
    old_values      jsonb,
    new_values      jsonb,
    severity        security_level NOT NULL DEFAULT 'low',
    ip_address      inet,
    user_agent      text,
    request_id      varchar(100),
    metadata        jsonb,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_audit_logs_organization_created_at ON audit_logs (organization_id, created_at);
CREATE INDEX idx_audit_logs_entity ON audit_logs (entity_type, entity_id, created_at);
CREATE INDEX idx_audit_logs_actor_user ON audit_logs (actor_user_id, created_at) WHERE actor_user_id IS NOT NULL;
CREATE INDEX idx_audit_logs_actor_agent_id ON audit_logs (actor_agent_id) WHERE actor_agent_id IS NOT NULL;
CREATE INDEX idx_audit_logs_action ON audit_logs (action);
CREATE INDEX idx_audit_logs_created_at ON audit_logs USING brin (created_at);  -- append-only: BRIN

-- N5: FKs of earlier tables whose targets exist now (nullable columns: ON DELETE SET NULL).
ALTER TABLE personas
    ADD CONSTRAINT personas_organization_id_fkey
    FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL;
ALTER TABLE personas
    ADD CONSTRAINT personas_team_id_fkey
    FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL;
CREATE INDEX idx_personas_organization_id ON personas (organization_id) WHERE organization_id IS NOT NULL;
CREATE INDEX idx_personas_team_id ON personas (team_id) WHERE team_id IS NOT NULL;

ALTER TABLE discussions
    ADD CONSTRAINT discussions_organization_id_fkey
    FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL;
ALTER TABLE discussions
    ADD CONSTRAINT discussions_team_id_fkey
    FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL;
-- (idx_discussions_organization_id and idx_discussions_team_id exist since 0005.)

ALTER TABLE artifacts
    ADD CONSTRAINT artifacts_project_id_fkey
    FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL;
-- (idx_artifacts_project_id exists since 0008.)
