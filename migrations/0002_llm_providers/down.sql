-- 0002_llm_providers down: drops user_llm_providers, llm_providers and their enum types.

DROP TABLE user_llm_providers;
DROP TABLE llm_providers;

DROP TYPE user_llm_providers_validation_status_enum;
DROP TYPE llm_providers_health_status_enum;
DROP TYPE llm_providers_status_enum;
DROP TYPE llm_providers_authentication_type_enum;
