-- One audit row per encryption change: $1 action, $2 old values, $3 new values, $4 metadata
-- (the database user is added here).
INSERT INTO audit_logs (actor_type, action, entity_type, old_values, new_values, severity,
                        metadata)
VALUES ('user', $1, 'ai_prompt_encryption', $2::jsonb, $3::jsonb, 'high',
        $4::jsonb || jsonb_build_object('database_user', current_user::text))
