-- A seeded prompt at version 1; its ai_prompt_versions row follows in the same transaction.
-- $12: its id, chosen by the client (an encrypted text is bound to it before the insert).
INSERT INTO ai_prompts (id, prompt_id, name, description, prompt_type, system_prompt,
                        user_prompt_template, version, current_version, model_preference,
                        temperature, max_tokens, validation_rules, metadata)
VALUES ($12::uuid, $1, $2, $3, $4, $5, $6, '1.0.0', 1, $7, $8, $9, $10::jsonb, $11::jsonb)
RETURNING id
