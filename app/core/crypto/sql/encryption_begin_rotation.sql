-- Starts a rotation in this transaction (migration 0019): $1 the key in use, $2 the new key.
SELECT ai_prompt_encryption_begin_rotation($1, $2)
