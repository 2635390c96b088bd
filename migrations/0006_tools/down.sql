-- 0006_tools down: drops tool_usage_records, tool_executions, tool_definitions and their enum types.

DROP TABLE tool_usage_records;
DROP TABLE tool_executions;
DROP TABLE tool_definitions;

DROP TYPE tool_usage_records_usage_type_enum;
DROP TYPE tool_executions_approval_status_enum;
DROP TYPE tool_executions_execution_status_enum;
DROP TYPE tool_definitions_maintenance_status_enum;
DROP TYPE tool_definitions_category_enum;
