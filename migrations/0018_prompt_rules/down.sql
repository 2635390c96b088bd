-- 0018_prompt_rules down: drops the rules' triggers, functions and the conversion table, and
-- restores 0014's immutability and stored-form functions.

DROP TRIGGER trg_audit_logs_no_truncate ON audit_logs;
DROP TRIGGER trg_audit_logs_append_only ON audit_logs;
DROP FUNCTION audit_logs_append_only();

CREATE OR REPLACE FUNCTION ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
       AND current_setting('uaip.prompt_text_conversion', true) = 'on'
       AND (to_jsonb(NEW) - 'system_prompt') = (to_jsonb(OLD) - 'system_prompt')
       AND ((ai_prompt_text_is_envelope(NEW.system_prompt)
             AND NOT ai_prompt_text_is_envelope(OLD.system_prompt)
             AND ai_prompt_content_sha256(OLD.system_prompt, OLD.user_prompt_template)
                 = OLD.content_sha256)
         OR (ai_prompt_text_is_envelope(OLD.system_prompt)
             AND NOT ai_prompt_text_is_envelope(NEW.system_prompt)
             AND ai_prompt_content_sha256(NEW.system_prompt, NEW.user_prompt_template)
                 = NEW.content_sha256)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ai_prompt_versions rows are immutable (% of version % refused)',
                    TG_OP, OLD.version_no
        USING ERRCODE = 'restrict_violation',
              HINT = 'Insert a new version instead; versions are removed only with their prompt.';
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_text_stored_form() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    on_key text;
BEGIN
    SELECT CASE WHEN enabled THEN key_id END INTO on_key FROM ai_prompt_encryption;
    IF on_key IS NOT NULL AND NEW.system_prompt NOT LIKE 'uaipenc:1:' || on_key || ':%' THEN
        RAISE EXCEPTION '%: prompt encryption is on (key %); a plain system prompt is refused',
                        TG_TABLE_NAME, on_key
            USING ERRCODE = 'check_violation',
                  HINT = 'Store the text sealed with the database''s data key (uaip-admin, '
                         'uaip-migrate prompts), or disable the encryption first.';
    END IF;
    RETURN NEW;
END;
$$;
DROP TRIGGER trg_ai_prompt_encryption_no_truncate ON ai_prompt_encryption;
DROP TRIGGER trg_ai_prompt_encryption_guard ON ai_prompt_encryption;
DROP FUNCTION ai_prompt_encryption_guard();
DROP FUNCTION ai_prompt_encryption_finish(jsonb);
DROP FUNCTION ai_prompt_encryption_begin(boolean, text);
DROP TABLE ai_prompt_encryption_conversions;
DROP FUNCTION ai_prompt_encryption_conversions_owner_only();
DROP FUNCTION ai_prompt_encryption_conversion_finished();
DROP FUNCTION ai_prompt_conversion_in_progress();
DROP FUNCTION ai_prompt_envelope_of(text, text);

DROP TRIGGER trg_ai_prompt_labels_no_truncate ON ai_prompt_labels;
DROP FUNCTION ai_prompt_labels_no_truncate();
DROP TRIGGER trg_ai_prompt_labels_guard ON ai_prompt_labels;
DROP FUNCTION ai_prompt_labels_guard();
DROP FUNCTION ai_prompt_protected_confirmed();
