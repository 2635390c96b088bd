-- 0011_orchestration down: removes the FKs and indexes added to personas, discussions and
-- artifacts, then drops the tenancy/RBAC/work tables, the role-scope function and the types.

ALTER TABLE artifacts DROP CONSTRAINT artifacts_project_id_fkey;
ALTER TABLE discussions DROP CONSTRAINT discussions_team_id_fkey;
ALTER TABLE discussions DROP CONSTRAINT discussions_organization_id_fkey;
DROP INDEX idx_personas_team_id;
DROP INDEX idx_personas_organization_id;
ALTER TABLE personas DROP CONSTRAINT personas_team_id_fkey;
ALTER TABLE personas DROP CONSTRAINT personas_organization_id_fkey;

DROP TABLE audit_logs;
DROP TABLE knowledge_items;
DROP TABLE tasks;
DROP TABLE workflow_executions;
DROP TABLE workflows;
DROP TABLE task_templates;
DROP TABLE projects;
DROP TABLE user_roles;
DROP TABLE role_permissions;
DROP TABLE roles;
DROP TABLE permissions;
DROP TABLE team_members;
DROP TABLE teams;
DROP TABLE organizations;

DROP FUNCTION user_roles_check_role_scope();

DROP TYPE audit_logs_actor_type_enum;
DROP TYPE knowledge_items_source_type_enum;
DROP TYPE knowledge_items_item_type_enum;
DROP TYPE workflow_executions_status_enum;
DROP TYPE workflows_trigger_type_enum;
DROP TYPE workflows_status_enum;
DROP TYPE tasks_status_enum;
DROP TYPE projects_status_enum;
