-- Every version of a prompt (by ai_prompts.id), newest first, without the texts. The claims
-- (migration 0023: what a non-owner's row named instead of its author and time) are read
-- through to_jsonb, NULL on a database before 0023.
SELECT v.version_no, v.author, v.change_note, v.content_sha256, v.created_at,
       v.model_preference, v.temperature, v.max_tokens, left(v.system_prompt, 64) AS probe,
       to_jsonb(v) ->> 'claimed_author' AS claimed_author,
       (to_jsonb(v) ->> 'claimed_created_at')::timestamptz AS claimed_created_at
FROM ai_prompt_versions v
WHERE v.prompt_id = $1
ORDER BY v.version_no DESC
