-- Every version of a prompt (by ai_prompts.id), newest first, without the texts.
SELECT v.version_no, v.author, v.change_note, v.content_sha256, v.created_at,
       v.model_preference, v.temperature, v.max_tokens, left(v.system_prompt, 64) AS probe
FROM ai_prompt_versions v
WHERE v.prompt_id = $1
ORDER BY v.version_no DESC
