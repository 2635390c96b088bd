-- $1 enabled, $2 key id
UPDATE ai_prompt_encryption
SET enabled = $1::boolean, key_id = $2, changed_at = now(), changed_by = current_user
