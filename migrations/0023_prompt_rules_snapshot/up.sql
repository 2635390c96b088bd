-- 0023_prompt_rules_snapshot: the prompt rules read the committed state, not the writer's
-- snapshot, and what a version says of its author is the server's (issue 57, points 7 and 9,
-- and the low item on the served settings). README "Prompt rules" and docs/architecture.md,
-- "Prompts".
--  * The encryption state is read by every rule that depends on it through
--    ai_prompt_encryption_key_locked(): the state row FOR SHARE, held until the writer's
--    transaction ends. An enable, disable or rotation writes that row (begin() locks it FOR
--    UPDATE, finish() updates it), so the writer and the conversion meet on one row lock:
--    a READ COMMITTED writer waits for a conversion in progress and then reads the new state; a
--    REPEATABLE READ (or SERIALIZABLE) writer whose snapshot predates a conversion that
--    committed gets a serialization failure (SQLSTATE 40001, could not serialize access due to
--    concurrent update) instead of the state its snapshot shows; and while a writer holds the
--    lock no conversion can commit. Before, the rules read the row through the writer's snapshot
--    (a transaction begun before an enable committed plain text after it). The console's
--    conversion locks the prompt tables first and the state row second; a writer holds its table
--    lock before its trigger locks the row: the same order. (A conversion run by hand without
--    the table locks can deadlock with a writer, finish() altering the tables: the server then
--    aborts one of the two, and nothing plain is left either way.)
--  * So no trigger decides from the state in its WHEN any more (a WHEN reads the statement's
--    snapshot): the owner-only-while-sealed triggers and the served-text check fire for every
--    non-owner write and look the state up themselves, only when the write is about the texts
--    (the platform's counters take no lock).
--  * A version's author and created_at are the server's for a non-owner: author is the session's
--    login role (session_user, as audit_logs.metadata.database_user since 0022) and created_at
--    the transaction's time (now(): the same for the version and its audit row, and what the
--    column's default gives, so a writer that claims nothing has no claim). What the row said
--    instead is kept apart, in claimed_author and claimed_created_at (NULL: nothing else was
--    claimed; a session that SET ROLE to another role and named no author claims that role, the
--    column's default being current_user). The owner (its members, superusers) stays outside,
--    as in 0021 and 0022: it may import a history with its authors. Versions stay immutable
--    (claims too).
--  * The served settings (ai_prompts.model_preference, temperature, max_tokens) are tied to the
--    current version like the texts: at every COMMIT that a non-owner's write changed them or
--    current_version, each is the current version's; where the version names none (NULL), the
--    write may not change it. Independent of the encryption (the settings are never sealed).

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c
               WHERE c.oid IN ('public.ai_prompts'::regclass, 'public.ai_prompt_versions'::regclass,
                               'public.ai_prompt_encryption'::regclass)
                 AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))
    THEN
        RAISE EXCEPTION '0023 must run as the owner of the prompt tables (the rules run as it)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

-- The encryption state, locked ----------------------------------------------------------------

-- The encryption key in force (NULL: off) as committed, the state row locked FOR SHARE until
-- the end of the caller's transaction (VOLATILE: a row lock; a STABLE function may not take one).
CREATE FUNCTION public.ai_prompt_encryption_key_locked() RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_key text;
BEGIN
    SELECT CASE WHEN e.enabled THEN e.key_id END INTO v_key
    FROM public.ai_prompt_encryption e FOR SHARE;
    RETURN v_key;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_encryption_key_locked() FROM PUBLIC;

-- The stored form (as in 0021), the state read through the lock.
CREATE OR REPLACE FUNCTION public.ai_prompt_text_stored_form() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
    on_key     text;
BEGIN
    on_key := public.ai_prompt_encryption_key_locked();
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

-- While encryption is on: the texts (and which version is served) only from the owner's side.
-- Fires for every non-owner write; the state is looked up (and locked) only when the write is
-- about the texts.
CREATE OR REPLACE FUNCTION public.ai_prompt_texts_sealed_owner_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_key text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.system_prompt IS NOT DISTINCT FROM OLD.system_prompt
       AND NEW.user_prompt_template IS NOT DISTINCT FROM OLD.user_prompt_template
       AND NEW.current_version IS NOT DISTINCT FROM OLD.current_version THEN
        RETURN NEW; -- the usage counters, flags, names: not the texts
    END IF;
    v_key := public.ai_prompt_encryption_key_locked();
    IF v_key IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '%: prompt encryption is on (key %); the database cannot check a sealed text against its version, so the texts of prompt "%" are written only by the owner''s role (% by % refused)',
                    TG_TABLE_NAME, v_key, NEW.prompt_id, TG_OP, session_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Write prompt texts with a role that has the owner''s privileges (GRANT the '
                     'owning role to it), or disable the encryption first.';
END;
$$;
DROP TRIGGER trg_ai_prompts_sealed_owner_only ON public.ai_prompts;
CREATE TRIGGER trg_ai_prompts_sealed_owner_only
    BEFORE INSERT OR UPDATE ON public.ai_prompts
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_texts_sealed_owner_only();

CREATE OR REPLACE FUNCTION public.ai_prompt_versions_sealed_owner_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_key    text;
    v_prompt text;
BEGIN
    v_key := public.ai_prompt_encryption_key_locked();
    IF v_key IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT p.prompt_id INTO v_prompt FROM public.ai_prompts p WHERE p.id = NEW.prompt_id;
    RAISE EXCEPTION 'ai_prompt_versions: prompt encryption is on (key %); the database cannot check a sealed text, so versions are written only by the owner''s role (INSERT of version % of prompt "%" by % refused)',
                    v_key, NEW.version_no, coalesce(v_prompt, NEW.prompt_id::text), session_user
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Write prompt texts with a role that has the owner''s privileges (GRANT the '
                     'owning role to it), or disable the encryption first.';
END;
$$;
DROP TRIGGER trg_ai_prompt_versions_sealed_owner_only ON public.ai_prompt_versions;
CREATE TRIGGER trg_ai_prompt_versions_sealed_owner_only
    BEFORE INSERT ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_versions_sealed_owner_only();

-- At COMMIT, for a row a non-owner wrote while encryption is off: its texts are its current
-- version's (as in 0022; with encryption on the texts were refused when written).
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
    IF public.ai_prompt_encryption_key_locked() IS NOT NULL THEN
        RETURN NULL; -- sealed: trg_ai_prompts_sealed_owner_only refused the write
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
DROP TRIGGER trg_ai_prompts_serve_a_version ON public.ai_prompts;
CREATE CONSTRAINT TRIGGER trg_ai_prompts_serve_a_version
    AFTER INSERT OR UPDATE ON public.ai_prompts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompts_serve_a_version();

-- The served settings ---------------------------------------------------------------------------

-- At COMMIT, for a row a non-owner wrote: model_preference, temperature and max_tokens are its
-- current version's (read from the row as it is then; deleted since: nothing to check). A
-- setting the version leaves NULL keeps the value the row had before the write.
CREATE FUNCTION public.ai_prompts_settings_of_a_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    p       public.ai_prompts;
    v       public.ai_prompt_versions;
    v_col   text;
    v_has   text;
    v_wants text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.model_preference IS NOT DISTINCT FROM OLD.model_preference
       AND NEW.temperature IS NOT DISTINCT FROM OLD.temperature
       AND NEW.max_tokens IS NOT DISTINCT FROM OLD.max_tokens
       AND NEW.current_version IS NOT DISTINCT FROM OLD.current_version THEN
        RETURN NULL; -- the served settings are not what this write changed
    END IF;
    SELECT * INTO p FROM public.ai_prompts x WHERE x.id = NEW.id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v FROM public.ai_prompt_versions x
    WHERE x.prompt_id = NEW.id AND x.version_no = p.current_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ai_prompts: prompt "%" names current_version %, which is not one of its versions',
                        p.prompt_id, p.current_version
            USING ERRCODE = 'foreign_key_violation',
                  HINT = 'Insert the version into ai_prompt_versions in the same transaction, '
                         'or save and publish it with uaip-admin or uaip-migrate prompts.';
    END IF;
    IF v.model_preference IS NOT NULL
       AND p.model_preference IS DISTINCT FROM v.model_preference THEN
        v_col := 'model_preference';
        v_has := p.model_preference;
        v_wants := v.model_preference;
    ELSIF v.temperature IS NOT NULL AND p.temperature IS DISTINCT FROM v.temperature THEN
        v_col := 'temperature';
        v_has := p.temperature::text;
        v_wants := v.temperature::text;
    ELSIF v.max_tokens IS NOT NULL AND p.max_tokens IS DISTINCT FROM v.max_tokens THEN
        v_col := 'max_tokens';
        v_has := p.max_tokens::text;
        v_wants := v.max_tokens::text;
    END IF;
    IF v_col IS NOT NULL THEN
        RAISE EXCEPTION 'ai_prompts: prompt "%" would serve % "%", which is not its version %''s "%" (ai_prompts.%)',
                        p.prompt_id, v_col, v_has, p.current_version, v_wants, v_col
            USING ERRCODE = 'check_violation',
                  HINT = 'The platform serves a version''s settings: save them as a new version '
                         'and publish it (uaip-admin, uaip-migrate prompts).';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        v_col := CASE WHEN v.model_preference IS NULL
                           AND p.model_preference IS DISTINCT FROM OLD.model_preference
                           THEN 'model_preference'
                      WHEN v.temperature IS NULL AND p.temperature IS DISTINCT FROM OLD.temperature
                           THEN 'temperature'
                      WHEN v.max_tokens IS NULL AND p.max_tokens IS DISTINCT FROM OLD.max_tokens
                           THEN 'max_tokens' END;
        IF v_col IS NOT NULL THEN
            RAISE EXCEPTION 'ai_prompts: prompt "%" would change % although its version % names none (ai_prompts.%)',
                            p.prompt_id, v_col, p.current_version, v_col
                USING ERRCODE = 'check_violation',
                      HINT = 'The platform serves a version''s settings: save them as a new '
                             'version and publish it (uaip-admin, uaip-migrate prompts).';
        END IF;
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompts_settings_of_a_version() FROM PUBLIC;
CREATE CONSTRAINT TRIGGER trg_ai_prompts_settings_of_a_version
    AFTER INSERT OR UPDATE ON public.ai_prompts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompts_settings_of_a_version();

-- A version's author and time ---------------------------------------------------------------------

ALTER TABLE public.ai_prompt_versions
    ADD COLUMN claimed_author text,
    ADD COLUMN claimed_created_at timestamptz;
COMMENT ON COLUMN public.ai_prompt_versions.author IS
    'The login role that wrote the version (session_user, set by trg_ai_prompt_versions_author '
    'for every role but the owner''s; the owner''s rows say what the owner wrote).';
COMMENT ON COLUMN public.ai_prompt_versions.created_at IS
    'When the version was written (the transaction''s time, set by trg_ai_prompt_versions_author '
    'for every role but the owner''s).';
COMMENT ON COLUMN public.ai_prompt_versions.claimed_author IS
    'The author the writing row named when it was not the session''s login role; NULL: none.';
COMMENT ON COLUMN public.ai_prompt_versions.claimed_created_at IS
    'The created_at the writing row named when it was not the transaction''s time; NULL: none.';

-- Not SECURITY DEFINER (as audit_logs_author): it reads nothing, sets NEW from the session.
CREATE FUNCTION public.ai_prompt_versions_author() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.claimed_author := CASE WHEN NEW.author IS DISTINCT FROM session_user::pg_catalog.text
                               THEN NEW.author END;
    NEW.claimed_created_at := CASE WHEN NEW.created_at IS DISTINCT FROM pg_catalog.now()
                                   THEN NEW.created_at END;
    NEW.author := session_user::pg_catalog.text;
    NEW.created_at := pg_catalog.now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_author
    BEFORE INSERT ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_versions_author();
