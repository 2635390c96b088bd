-- 0013_prompt_labels down: drops the label tables, their triggers and functions, and the
-- prompt id pattern index.

DROP TRIGGER trg_ai_prompt_versions_production_label ON ai_prompt_versions;
DROP TRIGGER trg_ai_prompts_production_label ON ai_prompts;
DROP FUNCTION ai_prompt_versions_production_label();
DROP FUNCTION ai_prompts_production_label();
DROP TABLE ai_prompt_labels;
DROP FUNCTION ai_prompt_sync_production(uuid);
DROP TABLE ai_prompt_label_history;
DROP FUNCTION ai_prompt_labels_history();
DROP INDEX idx_ai_prompts_prompt_id_pattern;
