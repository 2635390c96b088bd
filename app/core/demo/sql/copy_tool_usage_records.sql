-- Demo data: column order = DemoActivityGenerator::writeToolUsage.
COPY tool_usage_records (id, tool_id, agent_id, user_id, usage_type, success, execution_time_ms,
                         cost, quality_score, user_satisfaction, recorded_at, created_at,
                         updated_at)
FROM STDIN
