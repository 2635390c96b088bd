-- 0021_prompt_rules_hardening: the prompt rules of 0018-0020 hold against every role but the
-- owner (issue 31). docs/architecture.md, "Prompts", and README "Prompt rules" say what holds.
--  * Every rule function (the triggers and their helpers) is SECURITY DEFINER, owned by the
--    role that owns the tables (the migration's role), with search_path pinned to
--    pg_catalog, public, pg_temp (pg_temp last: a temporary table never shadows a table the rule
--    reads, and pg_temp is never searched for functions), and names the tables and functions
--    of the rules schema-qualified. A role with CREATE on some schema and its own search_path,
--    or with a temporary ai_prompt_encryption, no longer changes what a rule reads.
--  * No rule has an exception keyed on pg_trigger_depth() or on a setting a session can set.
--    Writes that only the owner's functions make (the production label that follows
--    ai_prompts, the ON DELETE CASCADE / SET NULL of foreign keys, which PostgreSQL runs as the
--    table owner) are recognised by the caller having the owner's privileges
--    (pg_has_role(current_user, owner, 'USAGE'): the owner, its members, superusers), tested in
--    the trigger's WHEN, where current_user is still the caller's. Those triggers exist twice:
--    one WHEN the caller is not the owner (the strict rule), one WHEN it is (TG_ARGV 'owner').
--    For the owner, the old nesting test stays as an extra restriction (its direct DELETE of a
--    version is still refused; the cascade passes), never as an exception for anyone else.
--  * Protected labels: uaip.confirm_protected is gone. Moving, removing or unprotecting a
--    protected label needs a confirmation row of the transaction in
--    ai_prompt_label_confirmations, written only by ai_prompt_label_move(), a SECURITY DEFINER
--    function (EXECUTE: the owner; granted to whom the owner chooses) that takes the typed
--    confirmation (the database name), writes the label (production moves by publishing the
--    version, which the row lets through) and the audit row.
--  * The text conversion (enable, disable, rotate, repair) is the owner's alone: begin(),
--    begin_rotation() and finish() refuse a session whose login role lacks the owner's
--    privileges, EXECUTE is revoked from every other role, and only the owner's UPDATE of a
--    version passes the immutability trigger. Each converted version gets an audit row
--    ('ai_prompt.version_convert') with the digest before and after.
--  * Statistics: while encryption is on, system_prompt, user_prompt_template (both tables) and
--    ai_prompts.search_vector have statistics target 0, and finish() removes the pg_statistic
--    rows of user_prompt_template and search_vector (ALTER COLUMN ... TYPE to the same type, no
--    rewrite). system_prompt's type cannot be altered (search_vector is generated from it,
--    column triggers name it): its rows are recomputed from the envelopes (ANALYZE of that
--    column alone, in the conversion's transaction) before its target is set to 0; no plain
--    text is left in them. A disable restores the default (-1).
--  * ai_prompt_label_history and audit_logs are append-only for every role but the owner:
--    UPDATE, DELETE and TRUNCATE refused by trigger, and revoked from PUBLIC and every role
--    holding them now; ai_prompt_label_history's rows come only from the owner's label trigger
--    (INSERT by anyone else refused too). audit_logs stays open to INSERT (the console and the
--    platform write their own rows).

-- The owner ------------------------------------------------------------------------------------

-- The role that owns the rules (a SECURITY DEFINER function runs as its owner).
CREATE FUNCTION public.ai_prompt_rules_owner() RETURNS name
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT current_user $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class c
               WHERE c.oid IN ('public.ai_prompts'::regclass, 'public.ai_prompt_versions'::regclass,
                               'public.ai_prompt_labels'::regclass,
                               'public.ai_prompt_label_history'::regclass,
                               'public.ai_prompt_encryption'::regclass,
                               'public.audit_logs'::regclass)
                 AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))
    THEN
        RAISE EXCEPTION '0021 must run as the owner of the prompt tables (the rules run as it)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

-- Refuses the write: the trigger of a table only the owner may change this way.
CREATE FUNCTION public.uaip_owner_only_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% is written only by its owner and the owner''s functions (% by % refused)',
                    TG_TABLE_NAME, TG_OP, session_user
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Helpers: pinned, and the ones no caller needs are no longer PUBLIC ------------------------------

ALTER FUNCTION public.ai_prompt_text_is_envelope(text)
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION public.ai_prompt_content_sha256(text, text)
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION public.ai_prompt_envelope_of(text, text)
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;

CREATE OR REPLACE FUNCTION public.ai_prompt_conversion_in_progress(OUT enabling boolean,
                                                                   OUT key_id text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    SELECT c.enabling, c.key_id INTO enabling, key_id
    FROM public.ai_prompt_encryption_conversions c
    WHERE c.xact_id = pg_catalog.pg_current_xact_id();
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_conversion_in_progress() FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.ai_prompt_conversion_rotating_from() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT c.from_key_id FROM public.ai_prompt_encryption_conversions c
    WHERE c.xact_id = pg_catalog.pg_current_xact_id()
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_conversion_rotating_from() FROM PUBLIC;

-- Owner-only tables: the conversion marker and the label confirmations -----------------------------

DROP TRIGGER trg_ai_prompt_encryption_conversions_owner_only
    ON public.ai_prompt_encryption_conversions;
DROP FUNCTION public.ai_prompt_encryption_conversions_owner_only();
CREATE TRIGGER trg_ai_prompt_encryption_conversions_owner_only
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_encryption_conversions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();
CREATE TRIGGER trg_ai_prompt_encryption_conversions_no_truncate
    BEFORE TRUNCATE ON public.ai_prompt_encryption_conversions
    FOR EACH STATEMENT
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();

CREATE OR REPLACE FUNCTION public.ai_prompt_encryption_conversion_finished() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.ai_prompt_encryption_conversions c
               WHERE c.xact_id = NEW.xact_id) THEN
        RAISE EXCEPTION 'a prompt text conversion was begun and not finished; nothing is committed'
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    RETURN NULL;
END;
$$;

-- One row per (transaction, prompt, label) whose protected label ai_prompt_label_move() was
-- confirmed for; removed when the transaction commits.
CREATE TABLE public.ai_prompt_label_confirmations (
    xact_id   xid8 NOT NULL DEFAULT pg_catalog.pg_current_xact_id(),
    prompt_id uuid NOT NULL,
    label     varchar(50) NOT NULL,
    CONSTRAINT ai_prompt_label_confirmations_pkey PRIMARY KEY (xact_id, prompt_id, label)
);
REVOKE ALL ON public.ai_prompt_label_confirmations FROM PUBLIC;
CREATE TRIGGER trg_ai_prompt_label_confirmations_owner_only
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_label_confirmations
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();
CREATE TRIGGER trg_ai_prompt_label_confirmations_no_truncate
    BEFORE TRUNCATE ON public.ai_prompt_label_confirmations
    FOR EACH STATEMENT
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();

CREATE FUNCTION public.ai_prompt_label_confirmation_expire() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    DELETE FROM public.ai_prompt_label_confirmations c
    WHERE c.xact_id = NEW.xact_id AND c.prompt_id = NEW.prompt_id AND c.label = NEW.label;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER trg_ai_prompt_label_confirmation_expire
    AFTER INSERT ON public.ai_prompt_label_confirmations
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION public.ai_prompt_label_confirmation_expire();

CREATE FUNCTION public.ai_prompt_label_confirmed(p_prompt uuid, p_label text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM public.ai_prompt_label_confirmations c
                   WHERE c.xact_id = pg_catalog.pg_current_xact_id()
                     AND c.prompt_id = $1 AND c.label = $2)
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_label_confirmed(uuid, text) FROM PUBLIC;

-- Labels -----------------------------------------------------------------------------------------

DROP TRIGGER trg_ai_prompt_labels_guard ON public.ai_prompt_labels;
DROP FUNCTION public.ai_prompt_labels_guard();
DROP FUNCTION public.ai_prompt_protected_confirmed();

-- TG_ARGV[0] = 'owner': the caller has the owner's privileges (the trigger's WHEN says so).
CREATE FUNCTION public.ai_prompt_labels_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_key     text;
    v_active  boolean;
    v_current integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_protected
       AND NOT public.ai_prompt_label_confirmed(OLD.prompt_id, OLD.label::text) THEN
        SELECT p.prompt_id INTO v_key FROM public.ai_prompts p WHERE p.id = OLD.prompt_id;
        IF TG_OP = 'DELETE' AND v_key IS NOT NULL THEN
            RAISE EXCEPTION 'label "%" of prompt "%" is protected: removing it needs the confirmation',
                            OLD.label, v_key
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Confirm in uaip-admin or with uaip-migrate --confirm '
                             '(ai_prompt_label_move(), the owner''s function).';
        ELSIF TG_OP = 'UPDATE'
              AND (NEW.version_no IS DISTINCT FROM OLD.version_no OR NOT NEW.is_protected
                   OR NEW.label IS DISTINCT FROM OLD.label
                   OR NEW.prompt_id IS DISTINCT FROM OLD.prompt_id) THEN
            RAISE EXCEPTION 'label "%" of prompt "%" is protected: moving or unprotecting it (version % -> %) needs the confirmation',
                            OLD.label, v_key, OLD.version_no, NEW.version_no
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Confirm in uaip-admin or with uaip-migrate --confirm '
                             '(ai_prompt_label_move(), the owner''s function).';
        END IF;
    END IF;
    -- "production" must agree with the row the platform serves, unless the owner's
    -- ai_prompt_sync_production (nested in the owner's trigger) writes it.
    IF NOT (TG_ARGV[0] = 'owner' AND pg_catalog.pg_trigger_depth() > 1) THEN
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.label = 'production' THEN
            SELECT p.prompt_id, p.is_active, p.current_version INTO v_key, v_active, v_current
            FROM public.ai_prompts p WHERE p.id = NEW.prompt_id;
            IF FOUND AND (NOT v_active OR v_current IS DISTINCT FROM NEW.version_no) THEN
                RAISE EXCEPTION 'label "production" of prompt "%" follows ai_prompts (active: %, current_version %); it cannot be set to version % alone',
                                v_key, v_active, v_current, NEW.version_no
                    USING ERRCODE = 'check_violation',
                          HINT = 'Publish the version instead (uaip-admin, uaip-migrate prompts '
                                 'label): the row''s texts and current_version move, the label follows.';
            END IF;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.label = 'production'
           AND (TG_OP = 'DELETE' OR NEW.label <> 'production' OR NEW.prompt_id <> OLD.prompt_id) THEN
            SELECT p.prompt_id INTO v_key FROM public.ai_prompts p
            WHERE p.id = OLD.prompt_id AND p.is_active;
            IF FOUND THEN
                RAISE EXCEPTION 'label "production" of the active prompt "%" cannot be removed alone',
                                v_key
                    USING ERRCODE = 'check_violation',
                          HINT = 'Deactivate the prompt (ai_prompts.is_active) instead.';
            END IF;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_ai_prompt_labels_guard
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_labels
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_labels_guard('other');
CREATE TRIGGER trg_ai_prompt_labels_guard_owner
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_labels
    FOR EACH ROW
    WHEN (pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_labels_guard('owner');

CREATE OR REPLACE FUNCTION public.ai_prompt_labels_no_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION '% of % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

-- The history row names the session's login role (current_user is the owner here).
CREATE OR REPLACE FUNCTION public.ai_prompt_labels_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_console text := nullif(pg_catalog.current_setting('uaip.console_user', true), '');
    v_reason  text := coalesce(nullif(pg_catalog.current_setting('uaip.label_reason', true), ''),
                               'database');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.ai_prompt_label_history (prompt_id, label, from_version, to_version,
                                                    database_user, console_user, reason)
        VALUES (NEW.prompt_id, NEW.label, NULL, NEW.version_no, session_user, v_console,
                v_reason);
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.version_no IS DISTINCT FROM OLD.version_no THEN
            INSERT INTO public.ai_prompt_label_history (prompt_id, label, from_version,
                                                        to_version, database_user,
                                                        console_user, reason)
            VALUES (NEW.prompt_id, NEW.label, OLD.version_no, NEW.version_no, session_user,
                    v_console, v_reason);
        END IF;
    ELSE
        INSERT INTO public.ai_prompt_label_history (prompt_id, label, from_version, to_version,
                                                    database_user, console_user, reason)
        VALUES (OLD.prompt_id, OLD.label, OLD.version_no, NULL, session_user, v_console,
                v_reason);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION public.ai_prompt_sync_production(p_prompt uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_active  boolean;
    v_current integer;
BEGIN
    SELECT p.is_active, p.current_version INTO v_active, v_current
    FROM public.ai_prompts p WHERE p.id = p_prompt;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF NOT v_active THEN
        DELETE FROM public.ai_prompt_labels l
        WHERE l.prompt_id = p_prompt AND l.label = 'production';
    ELSIF EXISTS (SELECT 1 FROM public.ai_prompt_versions v
                  WHERE v.prompt_id = p_prompt AND v.version_no = v_current) THEN
        INSERT INTO public.ai_prompt_labels AS l (prompt_id, label, version_no)
        VALUES (p_prompt, 'production', v_current)
        ON CONFLICT (prompt_id, label) DO UPDATE
            SET version_no = EXCLUDED.version_no, moved_at = now()
            WHERE l.version_no IS DISTINCT FROM EXCLUDED.version_no;
    END IF;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_sync_production(uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.ai_prompts_production_label() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM public.ai_prompt_sync_production(NEW.id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION public.ai_prompt_versions_production_label() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM public.ai_prompt_sync_production(NEW.prompt_id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION public.ai_prompt_versions_latest() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    UPDATE public.ai_prompts p
    SET latest_version = NEW.version_no
    WHERE p.id = NEW.prompt_id
      AND (p.latest_version IS NULL OR p.latest_version < NEW.version_no);
    RETURN NULL;
END;
$$;

-- Moves, protects or unprotects a protected label after the caller's typed confirmation (the
-- database name): records the confirmation for this transaction (prompt, label), writes a
-- label other than "production" itself (version p_version_no or kept when NULL, protection
-- p_protected or kept when NULL), only the protection of "production" (it moves by publishing
-- the version in the same transaction), and the audit row. Returns the audit row's id.
CREATE FUNCTION public.ai_prompt_label_move(p_prompt text, p_label text, p_version_no integer,
                                            p_protected boolean, p_confirmation text,
                                            p_metadata jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_id    uuid;
    v_old   public.ai_prompt_labels;
    v_new   public.ai_prompt_labels;
    v_audit uuid;
BEGIN
    IF p_confirmation IS DISTINCT FROM pg_catalog.current_database() THEN
        RAISE EXCEPTION 'moving a protected label needs the confirmation: the database name'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT p.id INTO v_id FROM public.ai_prompts p WHERE p.prompt_id = p_prompt FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no prompt with id "%"', p_prompt USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO v_old FROM public.ai_prompt_labels l
    WHERE l.prompt_id = v_id AND l.label = p_label FOR UPDATE;
    INSERT INTO public.ai_prompt_label_confirmations (prompt_id, label)
    VALUES (v_id, p_label) ON CONFLICT DO NOTHING;
    IF p_label <> 'production' AND p_version_no IS NOT NULL THEN
        INSERT INTO public.ai_prompt_labels AS l (prompt_id, label, version_no, is_protected)
        VALUES (v_id, p_label, p_version_no, coalesce(p_protected, false))
        ON CONFLICT (prompt_id, label) DO UPDATE
            SET version_no = EXCLUDED.version_no,
                moved_at = CASE WHEN l.version_no = EXCLUDED.version_no THEN l.moved_at
                                ELSE now() END,
                is_protected = coalesce(p_protected, l.is_protected);
    ELSIF p_protected IS NOT NULL THEN
        UPDATE public.ai_prompt_labels l SET is_protected = p_protected
        WHERE l.prompt_id = v_id AND l.label = p_label;
    END IF;
    SELECT * INTO v_new FROM public.ai_prompt_labels l
    WHERE l.prompt_id = v_id AND l.label = p_label;
    INSERT INTO public.audit_logs (actor_type, action, entity_type, entity_id, old_values,
                                   new_values, severity, metadata)
    VALUES ('user', 'ai_prompt.label_confirmed', 'ai_prompts', v_id,
            jsonb_build_object('label', p_label, 'version', v_old.version_no,
                               'protected', v_old.is_protected),
            jsonb_build_object('label', p_label,
                               'version', CASE WHEN p_label = 'production'
                                               THEN coalesce(p_version_no, v_new.version_no)
                                               ELSE v_new.version_no END,
                               'protected', v_new.is_protected),
            'high',
            coalesce(p_metadata, '{}'::jsonb)
                || jsonb_build_object('database_user', session_user::text,
                                      'confirmation', 'database name'))
    RETURNING id INTO v_audit;
    RETURN v_audit;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_label_move(text, text, integer, boolean, text, jsonb)
    FROM PUBLIC;

-- Versions ---------------------------------------------------------------------------------------

-- TG_ARGV[0] = 'owner': the caller has the owner's privileges. Anyone else: no UPDATE, no
-- DELETE (a prompt's deletion cascades as the owner). The owner: the DELETE of the cascade
-- (nested), and the conversion of its own transaction, audited version by version.
CREATE OR REPLACE FUNCTION public.ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
    c_from     text;
BEGIN
    IF TG_ARGV[0] = 'owner' THEN
        IF TG_OP = 'DELETE' AND pg_catalog.pg_trigger_depth() > 1 THEN
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' THEN
            SELECT * INTO c_enabling, c_key FROM public.ai_prompt_conversion_in_progress();
            IF c_key IS NOT NULL THEN
                c_from := public.ai_prompt_conversion_rotating_from();
            END IF;
            IF c_key IS NOT NULL
               AND (to_jsonb(NEW) - 'system_prompt' - 'content_sha256')
                   = (to_jsonb(OLD) - 'system_prompt' - 'content_sha256')
               AND ((c_enabling AND c_from IS NULL
                     AND public.ai_prompt_envelope_of(NEW.system_prompt, c_key)
                     AND NOT public.ai_prompt_text_is_envelope(OLD.system_prompt)
                     AND public.ai_prompt_content_sha256(OLD.system_prompt,
                                                         OLD.user_prompt_template)
                         = OLD.content_sha256
                     AND NEW.content_sha256 <> OLD.content_sha256)
                 OR (c_enabling AND c_from IS NOT NULL
                     AND public.ai_prompt_envelope_of(OLD.system_prompt, c_from)
                     AND public.ai_prompt_envelope_of(NEW.system_prompt, c_key))
                 OR (NOT c_enabling
                     AND public.ai_prompt_text_is_envelope(OLD.system_prompt)
                     AND NOT public.ai_prompt_text_is_envelope(NEW.system_prompt)
                     AND public.ai_prompt_content_sha256(NEW.system_prompt,
                                                         NEW.user_prompt_template)
                         = NEW.content_sha256)) THEN
                INSERT INTO public.audit_logs (actor_type, action, entity_type, entity_id,
                                               old_values, new_values, severity, metadata)
                VALUES ('user', 'ai_prompt.version_convert', 'ai_prompt_versions', NEW.id,
                        jsonb_build_object('content_sha256', OLD.content_sha256,
                                           'encrypted',
                                           public.ai_prompt_text_is_envelope(OLD.system_prompt)),
                        jsonb_build_object('content_sha256', NEW.content_sha256,
                                           'encrypted',
                                           public.ai_prompt_text_is_envelope(NEW.system_prompt)),
                        'high',
                        jsonb_build_object('prompt', NEW.prompt_id, 'version', NEW.version_no,
                                           'conversion', CASE WHEN c_from IS NOT NULL THEN 'rotate'
                                                              WHEN c_enabling THEN 'enable'
                                                              ELSE 'disable' END,
                                           'key_id', c_key, 'from_key_id', c_from,
                                           'database_user', session_user::text));
                RETURN NEW;
            END IF;
        END IF;
    END IF;
    RAISE EXCEPTION 'ai_prompt_versions rows are immutable (% of version % refused)',
                    TG_OP, OLD.version_no
        USING ERRCODE = 'restrict_violation',
              HINT = 'Insert a new version instead; versions are removed only with their prompt.';
END;
$$;
DROP TRIGGER trg_ai_prompt_versions_immutable ON public.ai_prompt_versions;
CREATE TRIGGER trg_ai_prompt_versions_immutable
    BEFORE UPDATE OR DELETE ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_versions_immutable('other');
CREATE TRIGGER trg_ai_prompt_versions_immutable_owner
    BEFORE UPDATE OR DELETE ON public.ai_prompt_versions
    FOR EACH ROW
    WHEN (pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_versions_immutable('owner');
CREATE TRIGGER trg_ai_prompt_versions_no_truncate
    BEFORE TRUNCATE ON public.ai_prompt_versions
    FOR EACH STATEMENT
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();

-- The stored form (as in 0018, its names qualified; the state never comes from a temporary
-- table, the marker only from begin(), which is the owner's).
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

-- The encryption state and the conversion ---------------------------------------------------------

CREATE OR REPLACE FUNCTION public.ai_prompt_encryption_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE' AND TG_ARGV[0] = 'owner'
       AND (public.ai_prompt_conversion_in_progress()).key_id IS NOT NULL THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ai_prompt_encryption changes only through uaip-migrate prompts encryption enable|disable (% refused)',
                    TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The state follows the texts: ai_prompt_encryption_begin() and '
                     'ai_prompt_encryption_finish(), the owner''s functions, convert both in one '
                     'transaction.';
END;
$$;
DROP TRIGGER trg_ai_prompt_encryption_guard ON public.ai_prompt_encryption;
CREATE TRIGGER trg_ai_prompt_encryption_guard
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_encryption
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_encryption_guard('other');
CREATE TRIGGER trg_ai_prompt_encryption_guard_owner
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_encryption
    FOR EACH ROW
    WHEN (pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.ai_prompt_encryption_guard('owner');
DROP TRIGGER trg_ai_prompt_encryption_no_truncate ON public.ai_prompt_encryption;
CREATE TRIGGER trg_ai_prompt_encryption_no_truncate BEFORE TRUNCATE ON public.ai_prompt_encryption
    FOR EACH STATEMENT EXECUTE FUNCTION public.ai_prompt_encryption_guard('other');

-- The secret columns' statistics: p_secret (encryption on): target 0 and no pg_statistic rows
-- left with a plain text; otherwise the default target.
CREATE FUNCTION public.ai_prompt_statistics_secret(p_secret boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT p_secret THEN
        ALTER TABLE public.ai_prompts
            ALTER COLUMN system_prompt SET STATISTICS -1,
            ALTER COLUMN user_prompt_template SET STATISTICS -1,
            ALTER COLUMN search_vector SET STATISTICS -1;
        ALTER TABLE public.ai_prompt_versions
            ALTER COLUMN system_prompt SET STATISTICS -1,
            ALTER COLUMN user_prompt_template SET STATISTICS -1;
        RETURN;
    END IF;
    -- The same type: no rewrite, the column's pg_statistic rows are removed.
    ALTER TABLE public.ai_prompt_versions
        ALTER COLUMN user_prompt_template TYPE text,
        ALTER COLUMN user_prompt_template SET STATISTICS 0,
        ALTER COLUMN system_prompt SET STATISTICS -1;
    ALTER TABLE public.ai_prompts
        ALTER COLUMN user_prompt_template TYPE text,
        ALTER COLUMN search_vector TYPE tsvector,
        ALTER COLUMN user_prompt_template SET STATISTICS 0,
        ALTER COLUMN search_vector SET STATISTICS 0,
        ALTER COLUMN system_prompt SET STATISTICS -1;
    -- system_prompt's type cannot be altered (a generated column and column triggers use it):
    -- its rows are recomputed from the envelopes (this transaction's texts), then frozen.
    ANALYZE public.ai_prompts (system_prompt);
    ANALYZE public.ai_prompt_versions (system_prompt);
    ALTER TABLE public.ai_prompts ALTER COLUMN system_prompt SET STATISTICS 0;
    ALTER TABLE public.ai_prompt_versions ALTER COLUMN system_prompt SET STATISTICS 0;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_statistics_secret(boolean) FROM PUBLIC;

-- Refuses a session whose login role lacks the owner's privileges (a SECURITY DEFINER function
-- cannot see its caller's current_user; the login role is what a grantee cannot change).
CREATE FUNCTION public.ai_prompt_conversion_owner_check() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT pg_catalog.pg_has_role(session_user, current_user, 'USAGE') THEN
        RAISE EXCEPTION 'converting the prompt texts is the owner''s (%) alone; % may not',
                        current_user, session_user
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Whoever may convert can rewrite every text: connect as the owner.';
    END IF;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_conversion_owner_check() FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.ai_prompt_encryption_begin(p_enable boolean, p_key_id text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_enabled   boolean;
    v_key       text;
    v_envelopes bigint;
BEGIN
    PERFORM public.ai_prompt_conversion_owner_check();
    IF p_enable IS NULL OR p_key_id IS NULL OR p_key_id !~ '^[0-9a-f]{16}$' THEN
        RAISE EXCEPTION 'ai_prompt_encryption_begin: a direction and a key id (16 hex digits) are required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.enabled, e.key_id INTO v_enabled, v_key FROM public.ai_prompt_encryption e FOR UPDATE;
    IF NOT p_enable AND NOT v_enabled THEN
        SELECT (SELECT count(*) FROM public.ai_prompts p
                WHERE public.ai_prompt_text_is_envelope(p.system_prompt))
               + (SELECT count(*) FROM public.ai_prompt_versions v
                  WHERE public.ai_prompt_text_is_envelope(v.system_prompt))
        INTO v_envelopes;
        IF v_envelopes = 0 THEN
            RAISE EXCEPTION 'prompt encryption is already off' USING ERRCODE = 'object_in_use';
        ELSIF v_key IS NOT NULL AND v_key <> p_key_id THEN
            RAISE EXCEPTION 'the state names key %, not %; a repair keeps it', v_key, p_key_id
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO public.ai_prompt_encryption_conversions (enabling, key_id, repair_envelopes)
        VALUES (false, p_key_id, v_envelopes);
        RETURN;
    END IF;
    IF p_enable AND v_enabled THEN
        RAISE EXCEPTION 'prompt encryption is already on (key %)', v_key
            USING ERRCODE = 'object_in_use';
    ELSIF NOT p_enable AND v_key <> p_key_id THEN
        RAISE EXCEPTION 'the prompts are encrypted with key %, not %', v_key, p_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.ai_prompt_encryption_conversions (enabling, key_id)
    VALUES (p_enable, p_key_id);
END;
$$;

CREATE OR REPLACE FUNCTION public.ai_prompt_encryption_begin_rotation(p_from_key_id text,
                                                                     p_to_key_id text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_enabled boolean;
    v_key     text;
BEGIN
    PERFORM public.ai_prompt_conversion_owner_check();
    IF p_from_key_id IS NULL OR p_from_key_id !~ '^[0-9a-f]{16}$'
       OR p_to_key_id IS NULL OR p_to_key_id !~ '^[0-9a-f]{16}$' THEN
        RAISE EXCEPTION 'ai_prompt_encryption_begin_rotation: two key ids (16 hex digits) are required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_from_key_id = p_to_key_id THEN
        RAISE EXCEPTION 'a rotation needs a new key (both are %)', p_to_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e.enabled, e.key_id INTO v_enabled, v_key FROM public.ai_prompt_encryption e FOR UPDATE;
    IF NOT v_enabled THEN
        RAISE EXCEPTION 'prompt encryption is off; there is nothing to rotate'
            USING ERRCODE = 'object_in_use';
    ELSIF v_key <> p_from_key_id THEN
        RAISE EXCEPTION 'the prompts are encrypted with key %, not %', v_key, p_from_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.ai_prompt_encryption_conversions (enabling, key_id, from_key_id)
    VALUES (true, p_to_key_id, p_from_key_id);
END;
$$;

-- As in 0020; the statistics follow the new state.
CREATE OR REPLACE FUNCTION public.ai_prompt_encryption_finish(p_metadata jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    m        public.ai_prompt_encryption_conversions;
    v_old    public.ai_prompt_encryption;
    v_bad    text;
    v_audit  uuid;
BEGIN
    PERFORM public.ai_prompt_conversion_owner_check();
    SELECT * INTO m FROM public.ai_prompt_encryption_conversions c
    WHERE c.xact_id = pg_catalog.pg_current_xact_id() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no prompt text conversion in progress in this transaction'
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF m.enabling THEN
        SELECT p.id::text INTO v_bad FROM public.ai_prompts p
        WHERE NOT public.ai_prompt_envelope_of(p.system_prompt, m.key_id) LIMIT 1;
        IF v_bad IS NULL THEN
            SELECT v.id::text INTO v_bad FROM public.ai_prompt_versions v
            WHERE NOT public.ai_prompt_envelope_of(v.system_prompt, m.key_id) LIMIT 1;
        END IF;
    ELSE
        SELECT p.id::text INTO v_bad FROM public.ai_prompts p
        WHERE public.ai_prompt_text_is_envelope(p.system_prompt) LIMIT 1;
        IF v_bad IS NULL THEN
            SELECT v.id::text INTO v_bad FROM public.ai_prompt_versions v
            WHERE public.ai_prompt_text_is_envelope(v.system_prompt) LIMIT 1;
        END IF;
    END IF;
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'row % is not converted; the conversion is not finished', v_bad
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO v_old FROM public.ai_prompt_encryption e FOR UPDATE;
    UPDATE public.ai_prompt_encryption
    SET enabled = m.enabling, key_id = m.key_id, changed_at = now(), changed_by = session_user;
    PERFORM public.ai_prompt_statistics_secret(m.enabling);
    INSERT INTO public.audit_logs (actor_type, action, entity_type, entity_id, old_values,
                                   new_values, severity, metadata)
    VALUES ('user',
            CASE WHEN m.from_key_id IS NOT NULL THEN 'ai_prompt.encryption_rotate'
                 WHEN m.enabling THEN 'ai_prompt.encryption_enable'
                 ELSE 'ai_prompt.encryption_disable' END,
            'ai_prompt_encryption', v_old.database_uuid,
            jsonb_build_object('enabled', v_old.enabled, 'key_id', v_old.key_id),
            jsonb_build_object('enabled', m.enabling, 'key_id', m.key_id), 'high',
            coalesce(p_metadata, '{}'::jsonb)
                || jsonb_build_object('database_user', session_user::text)
                || CASE WHEN m.repair_envelopes IS NOT NULL
                        THEN jsonb_build_object('repair', true,
                                                'envelopes_opened', m.repair_envelopes)
                        ELSE '{}'::jsonb END)
    RETURNING id INTO v_audit;
    DELETE FROM public.ai_prompt_encryption_conversions c WHERE c.xact_id = m.xact_id;
    RETURN v_audit;
END;
$$;

-- History tables: append-only for every role but the owner --------------------------------------

-- (The owner: as in 0018, only the ON DELETE SET NULL of its references, which PostgreSQL runs
-- as the owner; anyone else: nothing.)
CREATE OR REPLACE FUNCTION public.audit_logs_append_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND TG_ARGV[0] = 'owner' AND pg_catalog.pg_trigger_depth() > 1
       AND (to_jsonb(NEW) - 'organization_id' - 'actor_user_id' - 'actor_agent_id')
           = (to_jsonb(OLD) - 'organization_id' - 'actor_user_id' - 'actor_agent_id')
       AND (NEW.organization_id IS NULL OR NEW.organization_id = OLD.organization_id)
       AND (NEW.actor_user_id IS NULL OR NEW.actor_user_id = OLD.actor_user_id)
       AND (NEW.actor_agent_id IS NULL OR NEW.actor_agent_id = OLD.actor_agent_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER trg_audit_logs_append_only ON public.audit_logs;
DROP TRIGGER trg_audit_logs_no_truncate ON public.audit_logs;
CREATE TRIGGER trg_audit_logs_append_only BEFORE UPDATE OR DELETE ON public.audit_logs
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.audit_logs_append_only('other');
CREATE TRIGGER trg_audit_logs_append_only_owner BEFORE UPDATE OR DELETE ON public.audit_logs
    FOR EACH ROW
    WHEN (pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.audit_logs_append_only('owner');
CREATE TRIGGER trg_audit_logs_no_truncate BEFORE TRUNCATE ON public.audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION public.audit_logs_append_only('other');

-- (Its rows come only from the owner's label trigger: no INSERT of a forged row either.)
CREATE TRIGGER trg_ai_prompt_label_history_append_only
    BEFORE INSERT OR UPDATE OR DELETE ON public.ai_prompt_label_history
    FOR EACH ROW
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();
CREATE TRIGGER trg_ai_prompt_label_history_no_truncate
    BEFORE TRUNCATE ON public.ai_prompt_label_history
    FOR EACH STATEMENT
    WHEN (NOT pg_catalog.pg_has_role(current_user, public.ai_prompt_rules_owner(), 'USAGE'))
    EXECUTE FUNCTION public.uaip_owner_only_write();

-- Privileges: the history tables lose UPDATE, DELETE, TRUNCATE for everyone but the owner, and
-- the conversion functions their EXECUTE (README used to advise granting it). Later grants
-- meet the triggers and the owner checks above.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT DISTINCT c.oid::regclass AS tbl, a.grantee
        FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
        WHERE c.oid IN ('public.ai_prompt_label_history'::regclass, 'public.audit_logs'::regclass,
                        'public.ai_prompt_versions'::regclass)
          AND a.grantee <> c.relowner
          AND (a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
               OR (a.privilege_type = 'INSERT'
                   AND c.oid = 'public.ai_prompt_label_history'::regclass))
    LOOP
        EXECUTE pg_catalog.format('REVOKE %s ON %s FROM %s',
                                  CASE WHEN r.tbl = 'public.ai_prompt_label_history'::regclass
                                       THEN 'INSERT, UPDATE, DELETE, TRUNCATE'
                                       ELSE 'UPDATE, DELETE, TRUNCATE' END, r.tbl,
                                  CASE WHEN r.grantee = 0 THEN 'PUBLIC'
                                       ELSE pg_catalog.quote_ident(
                                                pg_catalog.pg_get_userbyid(r.grantee)) END);
    END LOOP;
    FOR r IN
        SELECT DISTINCT p.oid::regprocedure AS fn, a.grantee
        FROM pg_catalog.pg_proc p, pg_catalog.aclexplode(p.proacl) a
        WHERE p.oid IN ('public.ai_prompt_encryption_begin(boolean, text)'::regprocedure,
                        'public.ai_prompt_encryption_begin_rotation(text, text)'::regprocedure,
                        'public.ai_prompt_encryption_finish(jsonb)'::regprocedure)
          AND a.grantee <> p.proowner
    LOOP
        EXECUTE pg_catalog.format('REVOKE EXECUTE ON FUNCTION %s FROM %s', r.fn,
                                  CASE WHEN r.grantee = 0 THEN 'PUBLIC'
                                       ELSE pg_catalog.quote_ident(
                                                pg_catalog.pg_get_userbyid(r.grantee)) END);
    END LOOP;
END;
$$;

-- A database already encrypted: its statistics now.
SELECT public.ai_prompt_statistics_secret(true)
FROM public.ai_prompt_encryption e WHERE e.enabled;
