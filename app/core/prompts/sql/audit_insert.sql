-- One audit_logs row about a prompt ($7 = 'ai_prompts') or a persona ('personas'), naming the
-- database and the console user.
INSERT INTO audit_logs (actor_type, action, entity_type, entity_id, old_values, new_values,
                        severity, user_agent, metadata)
VALUES ('user', $2, $7, $1, $3::jsonb, $4::jsonb, 'medium', $5,
        jsonb_build_object('database_user', current_user, 'console_user', $6::text,
                           'application', $5::text))
