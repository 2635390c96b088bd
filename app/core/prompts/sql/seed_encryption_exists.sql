-- Whether the encryption state table exists (migration 0014): without it nothing is encrypted.
SELECT to_regclass('ai_prompt_encryption') IS NOT NULL
