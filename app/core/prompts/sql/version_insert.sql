-- One immutable version of a prompt's text (author: the database user, by default).
INSERT INTO ai_prompt_versions (prompt_id, version_no, system_prompt, user_prompt_template,
                                model_preference, temperature, max_tokens, change_note,
                                content_sha256)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING content_sha256
