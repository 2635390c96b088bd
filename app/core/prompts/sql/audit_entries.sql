-- The audit trail of a prompt (by its key), newest first.
SELECT a.action, a.metadata ->> 'database_user' AS database_user,
       a.metadata ->> 'console_user' AS console_user, a.old_values, a.new_values, a.created_at
FROM audit_logs a
JOIN ai_prompts p ON p.id = a.entity_id
WHERE a.entity_type = 'ai_prompts' AND p.prompt_id = $1
ORDER BY a.created_at DESC, a.id DESC
