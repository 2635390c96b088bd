-- How many system prompts are envelopes now (both tables the conversion covers).
SELECT (SELECT count(*) FROM ai_prompts WHERE ai_prompt_text_is_envelope(system_prompt))
       + (SELECT count(*) FROM ai_prompt_versions WHERE ai_prompt_text_is_envelope(system_prompt))
