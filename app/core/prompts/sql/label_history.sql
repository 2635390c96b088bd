-- Who moved which label of a prompt (by its key) from which version to which, newest first.
SELECT h.label, h.from_version, h.to_version, h.database_user, h.console_user, h.reason,
       h.moved_at
FROM ai_prompt_label_history h
JOIN ai_prompts p ON p.id = h.prompt_id
WHERE p.prompt_id = $1
ORDER BY h.moved_at DESC, h.id DESC
