-- Every version's text: row id, prompt uuid, version (the associated data), stored text and
-- the user prompt template (for the digest).
SELECT id::text, prompt_id::text, version_no, system_prompt, user_prompt_template
FROM ai_prompt_versions
ORDER BY prompt_id, version_no
