-- Whether a write stores envelopes (and of which key): read in the write transaction, locked
-- FOR SHARE until its end, so an enable or disable (FOR UPDATE) cannot change it meanwhile.
SELECT enabled, key_id FROM ai_prompt_encryption FOR SHARE
