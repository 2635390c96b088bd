-- Where pg_control_system() is not allowed: the uuid migration 0014 gave this database.
SELECT database_uuid::text FROM ai_prompt_encryption
