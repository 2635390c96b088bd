-- Every current text: row id, prompt uuid, version (the associated data), stored text.
SELECT id::text, id::text, current_version, system_prompt FROM ai_prompts ORDER BY id
