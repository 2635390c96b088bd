-- 0001_core_foundation down: drops the core tables, the shared trigger function,
-- the shared enum types and pgcrypto.

DROP TABLE integration_events;
DROP TABLE security_policies;
DROP TABLE password_reset_tokens;
DROP TABLE refresh_tokens;
DROP TABLE users;

DROP FUNCTION uaip_set_updated_at();

DROP TYPE integration_events_status_enum;
DROP TYPE task_priority;
DROP TYPE llm_provider_type;
DROP TYPE visibility;
DROP TYPE security_level;

DROP EXTENSION IF EXISTS pgcrypto;
