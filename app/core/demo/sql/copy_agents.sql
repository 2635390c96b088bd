-- Demo data: column order = DemoEntityGenerator::writeAgent.
COPY agents (id, name, role, persona_id, intelligence_config, security_context, is_active,
             created_by, last_active_at, capabilities, security_level, tags, version,
             deployment_environment, total_operations, successful_operations,
             average_response_time, model_id, api_type, temperature, max_tokens, created_at,
             updated_at)
FROM STDIN
