-- A seeded prompt at version 1; its ai_prompt_versions row follows in the same transaction.
INSERT INTO ai_prompts (prompt_id, name, description, prompt_type, system_prompt,
                        user_prompt_template, version, current_version, model_preference,
                        temperature, max_tokens, validation_rules, metadata)
VALUES ($1, $2, $3, $4, $5, $6, '1.0.0', 1, $7, $8, $9, $10::jsonb, $11::jsonb)
RETURNING id
