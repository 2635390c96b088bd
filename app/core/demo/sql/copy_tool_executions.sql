-- Demo data: column order = DemoWorkGenerator::writeToolExecution.
COPY tool_executions (id, tool_id, agent_id, user_id, operation_id, input_parameters,
                      output_result, execution_status, started_at, completed_at,
                      execution_time_ms, error_message, cost_incurred, created_at, updated_at)
FROM STDIN
