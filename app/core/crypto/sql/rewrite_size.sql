-- The bytes VACUUM FULL rewrites: both prompt tables with TOAST and indexes.
SELECT pg_total_relation_size('ai_prompts') + pg_total_relation_size('ai_prompt_versions')
