-- 0014_prompt_encryption down: refuses while texts are encrypted (they would be unreadable
-- without the state); otherwise drops the state, the triggers and the helpers, and restores
-- the immutability function of 0009.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM ai_prompt_encryption WHERE enabled) THEN
        RAISE EXCEPTION 'prompt encryption is on: disable it first (uaip-migrate prompts encryption disable)'
            USING ERRCODE = 'object_in_use';
    END IF;
END;
$$;

DROP TRIGGER trg_ai_prompt_versions_stored_form ON ai_prompt_versions;
DROP TRIGGER trg_ai_prompts_stored_form ON ai_prompts;
DROP FUNCTION ai_prompt_text_stored_form();

CREATE OR REPLACE FUNCTION ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ai_prompt_versions rows are immutable (% of version % refused)',
                    TG_OP, OLD.version_no
        USING ERRCODE = 'restrict_violation',
              HINT = 'Insert a new version instead; versions are removed only with their prompt.';
END;
$$;

DROP FUNCTION ai_prompt_content_sha256(text, text);
DROP FUNCTION ai_prompt_text_is_envelope(text);
DROP TABLE ai_prompt_encryption;
