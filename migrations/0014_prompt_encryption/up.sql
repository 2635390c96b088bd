-- 0014_prompt_encryption: encryption at rest of the prompts' system texts (opt-in per database).
-- The texts stay in their text columns, either plain or as an envelope
-- 'uaipenc:1:<key id>:<nonce>:<ciphertext>:<tag>' (AES-256-GCM, README "Encryption envelope").
-- The key never reaches the database: only its id (16 hex digits of its SHA-256) is kept here.
--  * ai_prompt_encryption: one row, the state of this database (enabled, key id, who, when);
--    database_uuid names the database where pg_control_system() is not allowed.
--  * While encryption is on, a system prompt must be an envelope of the current key. (While it
--    is off nothing is checked; enabling refuses to start on a text that already looks like
--    an envelope.)
--  * ai_prompt_versions stays immutable except for the conversion itself: with the setting
--    uaip.prompt_text_conversion = 'on', an UPDATE may change system_prompt alone, from the
--    plain text that content_sha256 certifies to an envelope, or from an envelope to the plain
--    text that content_sha256 certifies. Nothing else about a version can change.

CREATE TABLE ai_prompt_encryption (
    singleton     boolean PRIMARY KEY DEFAULT true,
    enabled       boolean NOT NULL DEFAULT false,
    key_id        text,
    database_uuid uuid NOT NULL DEFAULT gen_random_uuid(),
    changed_at    timestamptz NOT NULL DEFAULT now(),
    changed_by    text NOT NULL DEFAULT current_user,
    CONSTRAINT chk_ai_prompt_encryption_singleton CHECK (singleton),
    CONSTRAINT chk_ai_prompt_encryption_key_id CHECK (key_id ~ '^[0-9a-f]{16}$'),
    CONSTRAINT chk_ai_prompt_encryption_enabled_key CHECK (NOT enabled OR key_id IS NOT NULL)
);
INSERT INTO ai_prompt_encryption DEFAULT VALUES;

CREATE FUNCTION ai_prompt_text_is_envelope(t text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
AS $$ SELECT $1 LIKE 'uaipenc:%' $$;

-- The same digest as the application's PromptDigest (ai_prompt_versions.content_sha256).
CREATE FUNCTION ai_prompt_content_sha256(system_prompt text, user_prompt_template text)
    RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT encode(sha256(convert_to($1, 'UTF8')
                         || CASE WHEN $2 IS NULL THEN ''::bytea
                                 ELSE '\x1f'::bytea || convert_to($2, 'UTF8') END), 'hex')
$$;

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

CREATE FUNCTION ai_prompt_text_stored_form() RETURNS trigger
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
CREATE TRIGGER trg_ai_prompts_stored_form BEFORE INSERT OR UPDATE OF system_prompt ON ai_prompts
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_text_stored_form();
CREATE TRIGGER trg_ai_prompt_versions_stored_form
    BEFORE INSERT OR UPDATE OF system_prompt ON ai_prompt_versions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_text_stored_form();
