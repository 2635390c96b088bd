-- One label of a prompt (by ai_prompts.id), locked for the move.
SELECT l.version_no, l.is_protected
FROM ai_prompt_labels l
WHERE l.prompt_id = $1 AND l.label = $2
FOR UPDATE
