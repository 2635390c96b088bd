UPDATE ai_prompts SET system_prompt = $2 WHERE id = $1::uuid
