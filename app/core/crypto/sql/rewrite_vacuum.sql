-- Rewrites the prompt tables and rebuilds their indexes (not in a transaction).
VACUUM (FULL) ai_prompts, ai_prompt_versions
