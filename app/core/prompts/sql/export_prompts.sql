-- Prompts for an export: all ($1 = '{}' ) or those whose key is in $1, in key order.
SELECT p.id, p.prompt_id, p.name, p.description, p.prompt_type, p.model_preference,
       p.temperature, p.max_tokens, p.system_prompt, p.user_prompt_template, p.current_version,
       p.validation_rules, p.metadata
FROM ai_prompts p
WHERE cardinality($1::text[]) = 0 OR p.prompt_id = ANY ($1::text[])
ORDER BY p.prompt_id
