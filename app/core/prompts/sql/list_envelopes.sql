-- The served (ai_prompts) texts of the listed prompts $1 (uuid[]) that are envelopes, with the
-- version they are bound to: the list opens each with the key, so a text altered behind the
-- console's back shows as tampered instead of as a normal prompt.
SELECT id, current_version, system_prompt
FROM ai_prompts
WHERE id = ANY ($1::uuid[]) AND starts_with(system_prompt, 'uaipenc:')
