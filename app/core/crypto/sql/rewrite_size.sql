-- The bytes VACUUM FULL rewrites: both prompt tables with TOAST and indexes.
SELECT pg_catalog.pg_total_relation_size('"ai_prompts"'::pg_catalog.regclass)
       OPERATOR(pg_catalog.+)
       pg_catalog.pg_total_relation_size('"ai_prompt_versions"'::pg_catalog.regclass)
