-- A version's stored text and its digest (keyed while sealed, SHA-256 when plain).
UPDATE ai_prompt_versions SET system_prompt = $2, content_sha256 = $3 WHERE id = $1::uuid
