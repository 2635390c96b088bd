-- One audit_logs row about the data key or decrypted texts leaving the database: $1 action,
-- $2 values (jsonb), $3 application, $4 console user, $5 profile.
INSERT INTO audit_logs (actor_type, action, entity_type, entity_id, new_values, severity,
                        user_agent, metadata)
SELECT 'user', $1, 'ai_prompt_encryption', database_uuid, $2::jsonb, 'high', $3,
       jsonb_build_object('database_user', current_user, 'console_user', $4::text,
                          'application', $3::text, 'profile', $5::text)
FROM ai_prompt_encryption
