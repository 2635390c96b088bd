-- 0022_prompt_trust: what a role other than the owner can no longer make the platform serve or
-- the audit say (issue 41). README "Prompt rules" and docs/architecture.md, "Prompts".
--  * The text the platform serves is a version's. ai_prompts.system_prompt and
--    user_prompt_template are, at every COMMIT that wrote them (or current_version, or the
--    row), exactly those of the version current_version names (0009: "the application inserts
--    version N and sets current_version = N in the same transaction"; the check is deferred,
--    so the row may be written before its version, as the seeder does). A non-owner's UPDATE
--    of the served text without a version is refused, naming the prompt.
--  * With encryption on, a text is an envelope the database cannot open: it cannot tell a
--    prompt's own envelope from junk or from another prompt's. So while it is on, the served
--    texts and the versions are written only by roles with the owner's privileges (the owner,
--    its members, superusers); every other role reads. (The console's conversions, saves and
--    publications run as such a role.)
--  * A plain version's content_sha256 is the digest of its texts (ai_prompt_content_sha256):
--    a version a conversion cannot certify is refused when it is written, so no row can wedge
--    `prompts encryption enable` afterwards.
--  * A prompt's key (prompt_id, id) changes only by the owner: two prompts renamed into each
--    other's keys served one's text under the other's name.
--  * A prompt with a protected label is not deleted by a non-owner (the deletion takes the label
--    along, and a row inserted again under the same key would serve anything).
--  * audit_logs.metadata.database_user is the session's login role (session_user), whatever
--    the row says, and metadata.role the role in effect (current_user) when it was written;
--    what a session says of itself (console_user, and the label history's console_user and
--    reason, from settings any session can SET) is kept as a claim.
-- Like 0021, the rules leave the owner (and its members, superusers) outside. No trigger names
-- a column (no UPDATE OF list, no column in WHEN): finish() alters user_prompt_template's type
-- to drop its statistics (0021), which a column in a trigger's definition forbids; the
-- functions look at what an UPDATE changed themselves.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c
               WHERE c.oid IN ('public.ai_prompts'::regclass, 'public.ai_prompt_versions'::regclass,
                               'public.audit_logs'::regclass)
                 AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))
    THEN
        RAISE EXCEPTION '0022 must run as the owner of the prompt tables (the rules run as it)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

-- The encryption key in force (NULL: off), read by the rules below.
CREATE FUNCTION public.ai_prompt_encryption_key_on() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT CASE WHEN e.enabled THEN e.key_id END FROM public.ai_prompt_encryption e $$;

-- The served text --------------------------------------------------------------------------------

-- At COMMIT, for a row a non-owner wrote: its texts are its current version's (plain), read
-- from the row as it is then (deleted since: nothing to check).
CREATE FUNCTION public.ai_prompts_serve_a_version() RETURNS trigger
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

-- The key the platform looks a prompt up by (prompt_id, and the row's id its versions hang on)
-- is the owner's to change: renaming two prompts into each other's keys served one's text under
-- the other's name, every row still its own versions'.
CREATE FUNCTION public.ai_prompts_key_owner_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NEW.prompt_id IS DISTINCT FROM OLD.prompt_id OR NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'ai_prompts: the key of prompt "%" (prompt_id, id) is changed only by the owner''s role (UPDATE by % refused)',
                        OLD.prompt_id, session_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'The platform finds a prompt by its prompt_id: a new key is a new prompt '
                         '(import or seed it).';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_ai_prompts_key_owner_only
    BEFORE UPDATE ON public.ai_prompts
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompts_key_owner_only();

-- While encryption is on: the texts (and which version is served) only from the owner's side.
CREATE FUNCTION public.ai_prompt_texts_sealed_owner_only() RETURNS trigger
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
CREATE FUNCTION public.ai_prompt_versions_sealed_owner_only() RETURNS trigger
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

-- A prompt with a protected label is not deleted by a non-owner (its deletion would take the
-- label along, and a row inserted again under the same key would serve anything): unprotect
-- the label first, with the confirmation (ai_prompt_label_move()).
CREATE FUNCTION public.ai_prompt_protected_delete_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_label text;
BEGIN
    SELECT l.label INTO v_label FROM public.ai_prompt_labels l
    WHERE l.prompt_id = OLD.id AND l.is_protected
      AND NOT public.ai_prompt_label_confirmed(l.prompt_id, l.label::text)
    ORDER BY l.label LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'prompt "%" has the protected label "%": deleting it needs the confirmation (DELETE by % refused)',
                        OLD.prompt_id, v_label, session_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Unprotect the label first (uaip-admin, uaip-migrate prompts label '
                         '--confirm: ai_prompt_label_move(), the owner''s function).';
    END IF;
    RETURN OLD;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_protected_delete_check() FROM PUBLIC;
CREATE TRIGGER trg_ai_prompts_protected_delete
    BEFORE DELETE ON public.ai_prompts
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_protected_delete_check();

-- A version's digest ------------------------------------------------------------------------------

CREATE FUNCTION public.ai_prompt_versions_certified() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT public.ai_prompt_text_is_envelope(NEW.system_prompt)
       AND NEW.content_sha256
           IS DISTINCT FROM public.ai_prompt_content_sha256(NEW.system_prompt,
                                                             NEW.user_prompt_template) THEN
        RAISE EXCEPTION 'ai_prompt_versions: version % of a prompt has content_sha256 %, which is not the digest of its texts',
                        NEW.version_no, NEW.content_sha256
            USING ERRCODE = 'check_violation',
                  HINT = 'content_sha256 is ai_prompt_content_sha256(system_prompt, '
                         'user_prompt_template): lowercase hex SHA-256 of the system prompt, '
                         'then 0x1f and the template when there is one.';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_certified
    BEFORE INSERT ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_versions_certified();

-- The audit's author ------------------------------------------------------------------------------

-- Not SECURITY DEFINER: current_user is the writer's role in effect. A database_user the row
-- carried that is not the session's is kept as claimed_database_user; metadata that is not a
-- JSON object is kept under claimed_metadata.
CREATE FUNCTION public.audit_logs_author() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_meta    pg_catalog.jsonb := coalesce(NEW.metadata, '{}'::pg_catalog.jsonb);
    v_claimed pg_catalog.jsonb;
BEGIN
    IF pg_catalog.jsonb_typeof(v_meta) OPERATOR(pg_catalog.<>) 'object' THEN
        v_meta := pg_catalog.jsonb_build_object('claimed_metadata', v_meta);
    END IF;
    v_claimed := v_meta OPERATOR(pg_catalog.->) 'database_user';
    v_meta := v_meta OPERATOR(pg_catalog.-) 'database_user' OPERATOR(pg_catalog.-) 'claimed_database_user';
    IF v_claimed IS NOT NULL
       AND v_claimed IS DISTINCT FROM pg_catalog.to_jsonb(session_user::pg_catalog.text) THEN
        v_meta := v_meta OPERATOR(pg_catalog.||)
                  pg_catalog.jsonb_build_object('claimed_database_user', v_claimed);
    END IF;
    NEW.metadata := v_meta OPERATOR(pg_catalog.||)
                    pg_catalog.jsonb_build_object('database_user', session_user::pg_catalog.text,
                                                  'role', current_user::pg_catalog.text);
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_audit_logs_author
    BEFORE INSERT ON public.audit_logs
    FOR EACH ROW EXECUTE FUNCTION public.audit_logs_author();

COMMENT ON COLUMN public.ai_prompt_label_history.database_user IS
    'The login role of the session that moved the label (session_user, set by the owner''s trigger).';
COMMENT ON COLUMN public.ai_prompt_label_history.console_user IS
    'Claimed by the session (setting uaip.console_user); not verified by the database.';
COMMENT ON COLUMN public.ai_prompt_label_history.reason IS
    'Claimed by the session (setting uaip.label_reason; "database" when unset); not verified.';
COMMENT ON COLUMN public.audit_logs.metadata IS
    'database_user: the session''s login role and role: the role in effect, set by '
    'trg_audit_logs_author; every other key (console_user, application, claimed_database_user, '
    '...) is what the writer claimed.';
