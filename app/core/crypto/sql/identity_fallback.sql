-- The uuid migration 0014 gave this database: the name of its key ring in the keychain.
SELECT database_uuid::text FROM ai_prompt_encryption
