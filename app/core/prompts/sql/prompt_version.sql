-- One version of a prompt (by ai_prompts.id) with its texts, and its claims (as in
-- prompt_versions.sql).
SELECT v.version_no, v.author, v.change_note, v.content_sha256, v.created_at,
       v.model_preference, v.temperature, v.max_tokens, v.system_prompt, v.user_prompt_template,
       to_jsonb(v) ->> 'claimed_author' AS claimed_author,
       (to_jsonb(v) ->> 'claimed_created_at')::timestamptz AS claimed_created_at
FROM ai_prompt_versions v
WHERE v.prompt_id = $1 AND v.version_no = $2
