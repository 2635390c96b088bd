-- --update: the prompt row takes the seed's values; current_version/version point at the
-- version just written (unchanged when only metadata changed). Keys of metadata that the
-- seed does not own are kept.
UPDATE ai_prompts
SET name = $2, description = $3, prompt_type = $4, system_prompt = $5,
    user_prompt_template = $6, model_preference = $7, temperature = $8, max_tokens = $9,
    validation_rules = $10::jsonb, metadata = coalesce(metadata, '{}'::jsonb) || $11::jsonb,
    current_version = $12, version = $13
WHERE id = $1
