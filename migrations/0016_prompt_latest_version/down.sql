-- 0016_prompt_latest_version down: the list computes "latest" again (max(version_no)).
DROP TRIGGER trg_ai_prompt_versions_latest ON ai_prompt_versions;
DROP FUNCTION ai_prompt_versions_latest();
ALTER TABLE ai_prompts DROP COLUMN latest_version;
