-- The prompt row a write is about, locked until the end of the transaction, with the newest
-- version number and whether its production label is protected.
SELECT p.id, p.current_version, p.version, p.is_active, left(p.system_prompt, 64) AS probe,
       coalesce((SELECT max(v.version_no) FROM ai_prompt_versions v WHERE v.prompt_id = p.id), 0)
           AS latest,
       coalesce((SELECT l.is_protected FROM ai_prompt_labels l
                 WHERE l.prompt_id = p.id AND l.label = 'production'), false)
           AS production_protected
FROM ai_prompts p
WHERE p.prompt_id = $1
FOR UPDATE OF p
