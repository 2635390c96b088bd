-- Demo data: column order = DemoActivityGenerator::writeToolDefinition.
COPY tool_definitions (id, name, description, category, parameters, return_type, security_level,
                       cost_estimate, execution_time_estimate, requires_approval, version, author,
                       tags, is_enabled, total_executions, successful_executions,
                       average_execution_time, reliability_score, user_rating, created_at,
                       updated_at)
FROM STDIN
