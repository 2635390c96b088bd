-- Every version's text: row id, prompt uuid, version (the associated data), stored text.
SELECT id::text, prompt_id::text, version_no, system_prompt FROM ai_prompt_versions
ORDER BY prompt_id, version_no
