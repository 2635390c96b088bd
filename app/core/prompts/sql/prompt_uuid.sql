-- The uuid of a prompt by its key.
SELECT id FROM ai_prompts WHERE prompt_id = $1
