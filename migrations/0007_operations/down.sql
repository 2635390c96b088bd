-- 0007_operations down: removes the operation_id FKs added to earlier tables, then drops
-- the operation tables and their enum types.

DROP INDEX idx_tool_executions_operation_id;
ALTER TABLE tool_executions DROP CONSTRAINT tool_executions_operation_id_fkey;
DROP INDEX idx_persona_analytics_operation_id;
ALTER TABLE persona_analytics DROP CONSTRAINT persona_analytics_operation_id_fkey;
DROP INDEX idx_discussions_operation_id;
ALTER TABLE discussions DROP CONSTRAINT discussions_operation_id_fkey;

DROP TABLE approval_decisions;
DROP TABLE approval_workflows;
DROP TABLE step_results;
DROP TABLE operation_checkpoints;
DROP TABLE operation_states;
DROP TABLE operations;

DROP TYPE approval_decisions_decision_enum;
DROP TYPE approval_workflows_status_enum;
DROP TYPE step_results_status_enum;
DROP TYPE operation_checkpoints_checkpoint_type_enum;
DROP TYPE operation_status;
