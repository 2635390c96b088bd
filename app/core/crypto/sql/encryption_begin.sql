-- Starts the conversion of this transaction (migration 0018): $1 enable (true) or disable,
-- $2 the key id. Locks the state row and checks it; the triggers accept converted texts only
-- while this transaction's marker exists.
SELECT ai_prompt_encryption_begin($1::boolean, $2)
