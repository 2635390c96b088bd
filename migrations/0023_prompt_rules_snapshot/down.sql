-- 0023_prompt_rules_snapshot down: 0022's rules as they were (the state read through the
-- writer's snapshot, the owner-only-while-sealed triggers and the served-text check chosen by
-- their WHEN, no check of the served settings). Versions written meanwhile keep the author and
-- time the trigger gave them; what they claimed instead (claimed_author, claimed_created_at)
-- goes with its columns.

-- A version's author and time
DROP TRIGGER trg_ai_prompt_versions_author ON public.ai_prompt_versions;
DROP FUNCTION public.ai_prompt_versions_author();
COMMENT ON COLUMN public.ai_prompt_versions.claimed_created_at IS NULL;
COMMENT ON COLUMN public.ai_prompt_versions.claimed_author IS NULL;
COMMENT ON COLUMN public.ai_prompt_versions.created_at IS NULL;
COMMENT ON COLUMN public.ai_prompt_versions.author IS NULL;
ALTER TABLE public.ai_prompt_versions
    DROP COLUMN claimed_created_at,
    DROP COLUMN claimed_author;

-- The served settings
DROP TRIGGER trg_ai_prompts_settings_of_a_version ON public.ai_prompts;
DROP FUNCTION public.ai_prompts_settings_of_a_version();

-- The served text (0022)
DROP TRIGGER trg_ai_prompts_serve_a_version ON public.ai_prompts;
CREATE OR REPLACE FUNCTION public.ai_prompts_serve_a_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    p_key      text;
    p_system   text;
    p_template text;
    p_current  integer;
    v_system   text;
    v_template text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.system_prompt IS NOT DISTINCT FROM OLD.system_prompt
       AND NEW.user_prompt_template IS NOT DISTINCT FROM OLD.user_prompt_template
       AND NEW.current_version IS NOT DISTINCT FROM OLD.current_version THEN
        RETURN NULL; -- the served text is not what this write changed
    END IF;
    SELECT p.prompt_id, p.system_prompt, p.user_prompt_template, p.current_version
    INTO p_key, p_system, p_template, p_current
    FROM public.ai_prompts p WHERE p.id = NEW.id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT v.system_prompt, v.user_prompt_template INTO v_system, v_template
    FROM public.ai_prompt_versions v
    WHERE v.prompt_id = NEW.id AND v.version_no = p_current;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ai_prompts: prompt "%" names current_version %, which is not one of its versions',
                        p_key, p_current
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'Insert the version into ai_prompt_versions in the same transaction, '
                         'or save and publish it with uaip-admin or uaip-migrate prompts.';
    END IF;
    IF p_system IS DISTINCT FROM v_system OR p_template IS DISTINCT FROM v_template THEN
        RAISE EXCEPTION 'ai_prompts: prompt "%" would serve a text that is not its version %''s (ai_prompts.%)',
                        p_key, p_current,
                        CASE WHEN p_system IS DISTINCT FROM v_system THEN 'system_prompt'
                             ELSE 'user_prompt_template' END
            USING ERRCODE = 'check_violation',
                  HINT = 'The platform serves only versions: save the text as a new version and '
                         'publish it (uaip-admin, uaip-migrate prompts).';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER trg_ai_prompts_serve_a_version
    AFTER INSERT OR UPDATE ON public.ai_prompts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE')
          AND public.ai_prompt_encryption_key_on() IS NULL)
    EXECUTE FUNCTION public.ai_prompts_serve_a_version();

-- Owner-only while sealed (0022)
DROP TRIGGER trg_ai_prompt_versions_sealed_owner_only ON public.ai_prompt_versions;
CREATE OR REPLACE FUNCTION public.ai_prompt_versions_sealed_owner_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'ai_prompt_versions: prompt encryption is on (key %); the database cannot check a sealed text, so versions are written only by the owner''s role (INSERT of version % by % refused)',
                    public.ai_prompt_encryption_key_on(), NEW.version_no, session_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Write prompt texts with a role that has the owner''s privileges (GRANT the '
                     'owning role to it), or disable the encryption first.';
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_sealed_owner_only
    BEFORE INSERT ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE')
          AND public.ai_prompt_encryption_key_on() IS NOT NULL)
    EXECUTE FUNCTION public.ai_prompt_versions_sealed_owner_only();
DROP TRIGGER trg_ai_prompts_sealed_owner_only ON public.ai_prompts;
CREATE OR REPLACE FUNCTION public.ai_prompt_texts_sealed_owner_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.system_prompt IS NOT DISTINCT FROM OLD.system_prompt
       AND NEW.user_prompt_template IS NOT DISTINCT FROM OLD.user_prompt_template
       AND NEW.current_version IS NOT DISTINCT FROM OLD.current_version THEN
        RETURN NEW; -- the usage counters, flags, names: not the texts
    END IF;
    RAISE EXCEPTION '%: prompt encryption is on (key %); the database cannot check a sealed text against its version, so prompt texts are written only by the owner''s role (% by % refused)',
                    TG_TABLE_NAME, public.ai_prompt_encryption_key_on(), TG_OP, session_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Write prompt texts with a role that has the owner''s privileges (GRANT the '
                     'owning role to it), or disable the encryption first.';
END;
$$;
CREATE TRIGGER trg_ai_prompts_sealed_owner_only
    BEFORE INSERT OR UPDATE ON public.ai_prompts
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE')
          AND public.ai_prompt_encryption_key_on() IS NOT NULL)
    EXECUTE FUNCTION public.ai_prompt_texts_sealed_owner_only();

-- The stored form (0021)
CREATE OR REPLACE FUNCTION public.ai_prompt_text_stored_form() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
    on_key     text;
BEGIN
    SELECT CASE WHEN e.enabled THEN e.key_id END INTO on_key FROM public.ai_prompt_encryption e;
    IF (on_key IS NOT NULL AND public.ai_prompt_envelope_of(NEW.system_prompt, on_key))
       OR (on_key IS NULL AND NOT public.ai_prompt_text_is_envelope(NEW.system_prompt)) THEN
        RETURN NEW;
    END IF;
    SELECT * INTO c_enabling, c_key FROM public.ai_prompt_conversion_in_progress();
    IF c_key IS NOT NULL THEN
        IF c_enabling AND public.ai_prompt_envelope_of(NEW.system_prompt, c_key) THEN
            RETURN NEW;
        ELSIF NOT c_enabling AND NOT public.ai_prompt_text_is_envelope(NEW.system_prompt) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '%: the encryption (key %) is being %; this text is not in the new form',
                        TG_TABLE_NAME, c_key, CASE WHEN c_enabling THEN 'enabled' ELSE 'disabled' END
            USING ERRCODE = 'check_violation',
                  HINT = 'During an enable only a well-formed envelope of that key is accepted, '
                         'during a disable only plain text.';
    END IF;
    IF on_key IS NOT NULL THEN
        RAISE EXCEPTION '%: prompt encryption is on (key %); a plain system prompt is refused',
                        TG_TABLE_NAME, on_key
            USING ERRCODE = 'check_violation',
                  HINT = 'Store the text sealed with the database''s data key (uaip-admin, '
                         'uaip-migrate prompts), or disable the encryption first.';
    END IF;
    RAISE EXCEPTION '%: prompt encryption is off; a system prompt starting with "uaipenc:" is refused (it would look encrypted)',
                    TG_TABLE_NAME
        USING ERRCODE = 'check_violation',
              HINT = 'Store the plain text; enable the encryption with uaip-migrate prompts '
                     'encryption enable.';
END;
$$;

DROP FUNCTION public.ai_prompt_encryption_key_locked();
