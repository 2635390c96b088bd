-- One prompt row by its key, with the newest version number ("latest"), its labels and the
-- served text (checked against its key: a tampered one is shown as such).
SELECT p.id, p.prompt_id, p.name, p.description, p.prompt_type, p.model_preference,
       p.system_prompt,
       p.version, p.current_version, p.is_active, p.validation_rules, p.metadata, p.updated_at,
       (SELECT max(v.version_no) FROM ai_prompt_versions v WHERE v.prompt_id = p.id) AS latest,
       (SELECT string_agg(l.label || '=' || l.version_no, ',' ORDER BY l.label)
        FROM ai_prompt_labels l WHERE l.prompt_id = p.id) AS labels
FROM ai_prompts p
WHERE p.prompt_id = $1
