-- Demo data: column order = DemoActivityGenerator::writeSession.
COPY ai_sessions (id, agent_id, user_id, session_type, started_at, ended_at, prompt_id, status,
                  interaction_count, total_tokens_used, total_cost, ip_address, user_agent,
                  last_activity_at, termination_reason, created_at, updated_at)
FROM STDIN
