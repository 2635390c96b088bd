-- The file nodes of both prompt tables: VACUUM FULL gives a table it rewrote a new one
-- (SKIP_LOCKED skips a table it cannot lock at once, with only a warning).
SELECT pg_catalog.pg_relation_filenode('"ai_prompts"'::pg_catalog.regclass),
       pg_catalog.pg_relation_filenode('"ai_prompt_versions"'::pg_catalog.regclass)
