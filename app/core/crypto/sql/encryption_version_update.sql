UPDATE ai_prompt_versions SET system_prompt = $2 WHERE id = $1::uuid
