-- The recorded state and how the system prompts are stored now.
SELECT e.enabled, e.key_id, e.changed_at, e.changed_by,
       (SELECT count(*) FROM ai_prompts WHERE ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompts WHERE NOT ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompt_versions WHERE ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompt_versions WHERE NOT ai_prompt_text_is_envelope(system_prompt))
FROM ai_prompt_encryption e
