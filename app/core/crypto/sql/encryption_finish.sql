-- Ends the conversion: checks every text, records the state, writes the audit_logs row
-- ($1 metadata; the database user is added) and removes the marker.
SELECT ai_prompt_encryption_finish($1::jsonb)
