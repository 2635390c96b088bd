-- 0009_ai_prompts down: drops the AI tables, the immutability trigger function and the enum types.

DROP TABLE ai_finetune_datasets;
DROP TABLE ai_interactions;
DROP TABLE ai_sessions;
DROP TABLE ai_prompt_versions;
DROP TABLE ai_prompts;

DROP FUNCTION ai_prompt_versions_immutable();

DROP TYPE ai_finetune_datasets_status_enum;
DROP TYPE ai_interactions_status_enum;
DROP TYPE ai_sessions_status_enum;
DROP TYPE ai_sessions_session_type_enum;
DROP TYPE ai_prompts_prompt_type_enum;
