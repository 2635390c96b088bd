-- Rewrites ai_prompt_versions and rebuilds its indexes (not in a transaction). SKIP_LOCKED: a
-- table that cannot be locked at once is skipped (a warning), never waited for.
VACUUM (FULL, SKIP_LOCKED) "ai_prompt_versions"
