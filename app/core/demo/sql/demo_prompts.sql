-- The prompts demo AI sessions may reference, in a stable order.
SELECT id, prompt_type, model_preference FROM ai_prompts WHERE is_active ORDER BY prompt_id
