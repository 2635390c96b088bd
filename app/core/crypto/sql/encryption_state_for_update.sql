SELECT enabled, key_id FROM ai_prompt_encryption FOR UPDATE
