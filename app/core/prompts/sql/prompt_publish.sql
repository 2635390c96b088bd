-- Makes a version the one the platform serves: the row's texts, parameters and
-- current_version (the production label follows by trigger when the prompt is active).
UPDATE ai_prompts
SET system_prompt = $2, user_prompt_template = $3, model_preference = $4, temperature = $5,
    max_tokens = $6, current_version = $7, version = $8, is_active = is_active OR $9
WHERE id = $1
