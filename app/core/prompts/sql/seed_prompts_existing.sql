-- Every prompt with what seeding compares, the highest version number in its history and
-- whether its production label is protected.
SELECT p.prompt_id, p.id, p.name, p.description, p.prompt_type, p.system_prompt,
       p.user_prompt_template, p.model_preference, p.temperature, p.max_tokens,
       p.validation_rules, p.metadata, p.version, p.current_version,
       coalesce((SELECT max(v.version_no) FROM ai_prompt_versions v WHERE v.prompt_id = p.id), 0)
           AS max_version,
       p.is_active,
       coalesce((SELECT l.is_protected FROM ai_prompt_labels l
                 WHERE l.prompt_id = p.id AND l.label = 'production'), false)
           AS production_protected
FROM ai_prompts p
