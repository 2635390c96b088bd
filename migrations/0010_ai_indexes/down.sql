-- 0010_ai_indexes down: drops the composite, partial and full-text indexes of 0010 and the
-- generated ai_prompts.search_vector column.

DROP INDEX idx_ai_finetune_datasets_tags;
DROP INDEX idx_ai_finetune_datasets_reviewed_by;
DROP INDEX idx_ai_finetune_datasets_quality_included;

DROP INDEX idx_ai_interactions_flagged;
DROP INDEX idx_ai_interactions_retry_of;
DROP INDEX idx_ai_interactions_prompt_created;
DROP INDEX idx_ai_interactions_session_created;

DROP INDEX idx_ai_sessions_prompt_id;
DROP INDEX idx_ai_sessions_active;
DROP INDEX idx_ai_sessions_user_status;
DROP INDEX idx_ai_sessions_user_type;

DROP INDEX idx_ai_prompts_search_vector;
ALTER TABLE ai_prompts DROP COLUMN search_vector;
DROP INDEX idx_ai_prompts_active_model;
