-- The stored labels of a prompt (by its key).
SELECT l.label, l.version_no, l.is_protected, l.moved_at
FROM ai_prompt_labels l
JOIN ai_prompts p ON p.id = l.prompt_id
WHERE p.prompt_id = $1
ORDER BY l.label
