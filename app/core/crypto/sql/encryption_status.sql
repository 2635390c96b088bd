-- The recorded state and how the system prompts are stored now; the key ids the envelopes
-- name (comma-separated; the third field of "uaipenc:1:<key id>:...").
SELECT e.enabled, e.key_id, e.changed_at, e.changed_by,
       (SELECT count(*) FROM ai_prompts WHERE ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompts WHERE NOT ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompt_versions WHERE ai_prompt_text_is_envelope(system_prompt)),
       (SELECT count(*) FROM ai_prompt_versions WHERE NOT ai_prompt_text_is_envelope(system_prompt)),
       (SELECT string_agg(DISTINCT split_part(t, ':', 3), ',' ORDER BY split_part(t, ':', 3))
        FROM (SELECT system_prompt FROM ai_prompts WHERE ai_prompt_text_is_envelope(system_prompt)
              UNION ALL
              SELECT system_prompt FROM ai_prompt_versions
              WHERE ai_prompt_text_is_envelope(system_prompt)) AS envelopes(t))
FROM ai_prompt_encryption e
