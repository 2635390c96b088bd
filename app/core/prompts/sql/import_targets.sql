-- For an import: the existing prompts among the keys $1 (text[]) and whether their production
-- label is protected.
SELECT p.id, p.prompt_id, p.is_active,
       coalesce(l.is_protected, false) AS production_protected
FROM ai_prompts p
LEFT JOIN ai_prompt_labels l ON l.prompt_id = p.id AND l.label = 'production'
WHERE p.prompt_id = ANY ($1::text[])
