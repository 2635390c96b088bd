-- Rewrites ai_prompts and rebuilds its indexes (not in a transaction). SKIP_LOCKED: a table
-- that cannot be locked at once is skipped (a warning), never waited for; no lock_timeout.
VACUUM (FULL, SKIP_LOCKED) "ai_prompts"
