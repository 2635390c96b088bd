-- 0021_prompt_rules_hardening down: 0020's rules come back as they were (functions, their
-- attributes and EXECUTE grants, triggers); the label confirmations, ai_prompt_label_move() and
-- the helpers go; the secret columns get the default statistics target again. Privileges that
-- up.sql revoked from roles other than PUBLIC (UPDATE/DELETE/TRUNCATE on the history tables,
-- EXECUTE on the conversion functions) are not granted again: who had them is not recorded.

ALTER TABLE ai_prompts
    ALTER COLUMN system_prompt SET STATISTICS -1,
    ALTER COLUMN user_prompt_template SET STATISTICS -1,
    ALTER COLUMN search_vector SET STATISTICS -1;
ALTER TABLE ai_prompt_versions
    ALTER COLUMN system_prompt SET STATISTICS -1,
    ALTER COLUMN user_prompt_template SET STATISTICS -1;

-- History tables
DROP TRIGGER trg_ai_prompt_label_history_no_truncate ON ai_prompt_label_history;
DROP TRIGGER trg_ai_prompt_label_history_append_only ON ai_prompt_label_history;
DROP TRIGGER trg_audit_logs_no_truncate ON audit_logs;
DROP TRIGGER trg_audit_logs_append_only_owner ON audit_logs;
DROP TRIGGER trg_audit_logs_append_only ON audit_logs;
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    -- The ON DELETE SET NULL of its references: a deleted user, agent or organisation.
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1
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
CREATE TRIGGER trg_audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
CREATE TRIGGER trg_audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();

-- The conversion
CREATE OR REPLACE FUNCTION ai_prompt_encryption_finish(p_metadata jsonb) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    m        ai_prompt_encryption_conversions;
    v_old    ai_prompt_encryption;
    v_bad    text;
    v_audit  uuid;
BEGIN
    SELECT * INTO m FROM ai_prompt_encryption_conversions
    WHERE xact_id = pg_current_xact_id() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no prompt text conversion in progress in this transaction'
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF m.enabling THEN
        SELECT id::text INTO v_bad FROM ai_prompts
        WHERE NOT ai_prompt_envelope_of(system_prompt, m.key_id) LIMIT 1;
        IF v_bad IS NULL THEN
            SELECT id::text INTO v_bad FROM ai_prompt_versions
            WHERE NOT ai_prompt_envelope_of(system_prompt, m.key_id) LIMIT 1;
        END IF;
    ELSE
        SELECT id::text INTO v_bad FROM ai_prompts
        WHERE ai_prompt_text_is_envelope(system_prompt) LIMIT 1;
        IF v_bad IS NULL THEN
            SELECT id::text INTO v_bad FROM ai_prompt_versions
            WHERE ai_prompt_text_is_envelope(system_prompt) LIMIT 1;
        END IF;
    END IF;
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'row % is not converted; the conversion is not finished', v_bad
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT * INTO v_old FROM ai_prompt_encryption FOR UPDATE;
    UPDATE ai_prompt_encryption
    SET enabled = m.enabling, key_id = m.key_id, changed_at = now(), changed_by = session_user;
    INSERT INTO audit_logs (actor_type, action, entity_type, entity_id, old_values, new_values,
                            severity, metadata)
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
    DELETE FROM ai_prompt_encryption_conversions WHERE xact_id = m.xact_id;
    RETURN v_audit;
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_encryption_begin_rotation(p_from_key_id text, p_to_key_id text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_enabled boolean;
    v_key     text;
BEGIN
    IF p_from_key_id IS NULL OR p_from_key_id !~ '^[0-9a-f]{16}$'
       OR p_to_key_id IS NULL OR p_to_key_id !~ '^[0-9a-f]{16}$' THEN
        RAISE EXCEPTION 'ai_prompt_encryption_begin_rotation: two key ids (16 hex digits) are required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_from_key_id = p_to_key_id THEN
        RAISE EXCEPTION 'a rotation needs a new key (both are %)', p_to_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT enabled, key_id INTO v_enabled, v_key FROM ai_prompt_encryption FOR UPDATE;
    IF NOT v_enabled THEN
        RAISE EXCEPTION 'prompt encryption is off; there is nothing to rotate'
            USING ERRCODE = 'object_in_use';
    ELSIF v_key <> p_from_key_id THEN
        RAISE EXCEPTION 'the prompts are encrypted with key %, not %', v_key, p_from_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO ai_prompt_encryption_conversions (enabling, key_id, from_key_id)
    VALUES (true, p_to_key_id, p_from_key_id);
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_encryption_begin(p_enable boolean, p_key_id text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_enabled   boolean;
    v_key       text;
    v_envelopes bigint;
BEGIN
    IF p_enable IS NULL OR p_key_id IS NULL OR p_key_id !~ '^[0-9a-f]{16}$' THEN
        RAISE EXCEPTION 'ai_prompt_encryption_begin: a direction and a key id (16 hex digits) are required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT enabled, key_id INTO v_enabled, v_key FROM ai_prompt_encryption FOR UPDATE;
    IF NOT p_enable AND NOT v_enabled THEN
        -- The texts cannot change under us: writers meet the state row (FOR SHARE) and the
        -- stored-form trigger refuses an envelope while encryption is off.
        SELECT (SELECT count(*) FROM ai_prompts WHERE ai_prompt_text_is_envelope(system_prompt))
               + (SELECT count(*) FROM ai_prompt_versions
                  WHERE ai_prompt_text_is_envelope(system_prompt))
        INTO v_envelopes;
        IF v_envelopes = 0 THEN
            RAISE EXCEPTION 'prompt encryption is already off' USING ERRCODE = 'object_in_use';
        ELSIF v_key IS NOT NULL AND v_key <> p_key_id THEN
            RAISE EXCEPTION 'the state names key %, not %; a repair keeps it', v_key, p_key_id
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        INSERT INTO ai_prompt_encryption_conversions (enabling, key_id, repair_envelopes)
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
    INSERT INTO ai_prompt_encryption_conversions (enabling, key_id) VALUES (p_enable, p_key_id);
END;
$$;

DROP FUNCTION ai_prompt_conversion_owner_check();
DROP FUNCTION ai_prompt_statistics_secret(boolean);

DROP TRIGGER trg_ai_prompt_encryption_no_truncate ON ai_prompt_encryption;
DROP TRIGGER trg_ai_prompt_encryption_guard_owner ON ai_prompt_encryption;
DROP TRIGGER trg_ai_prompt_encryption_guard ON ai_prompt_encryption;
CREATE OR REPLACE FUNCTION ai_prompt_encryption_guard() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE' AND (ai_prompt_conversion_in_progress()).key_id IS NOT NULL THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ai_prompt_encryption changes only through uaip-migrate prompts encryption enable|disable (% refused)',
                    TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The state follows the texts: ai_prompt_encryption_begin() and '
                     'ai_prompt_encryption_finish() convert both in one transaction.';
END;
$$;
CREATE TRIGGER trg_ai_prompt_encryption_guard
    BEFORE INSERT OR UPDATE OR DELETE ON ai_prompt_encryption
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_encryption_guard();
CREATE TRIGGER trg_ai_prompt_encryption_no_truncate BEFORE TRUNCATE ON ai_prompt_encryption
    FOR EACH STATEMENT EXECUTE FUNCTION ai_prompt_encryption_guard();

CREATE OR REPLACE FUNCTION ai_prompt_text_stored_form() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
    on_key     text;
BEGIN
    SELECT CASE WHEN enabled THEN key_id END INTO on_key FROM ai_prompt_encryption;
    IF (on_key IS NOT NULL AND ai_prompt_envelope_of(NEW.system_prompt, on_key))
       OR (on_key IS NULL AND NOT ai_prompt_text_is_envelope(NEW.system_prompt)) THEN
        RETURN NEW;
    END IF;
    SELECT * INTO c_enabling, c_key FROM ai_prompt_conversion_in_progress();
    IF c_key IS NOT NULL THEN
        IF c_enabling AND ai_prompt_envelope_of(NEW.system_prompt, c_key) THEN
            RETURN NEW;
        ELSIF NOT c_enabling AND NOT ai_prompt_text_is_envelope(NEW.system_prompt) THEN
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

-- Versions
DROP TRIGGER trg_ai_prompt_versions_no_truncate ON ai_prompt_versions;
DROP TRIGGER trg_ai_prompt_versions_immutable_owner ON ai_prompt_versions;
DROP TRIGGER trg_ai_prompt_versions_immutable ON ai_prompt_versions;
CREATE OR REPLACE FUNCTION ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
    c_from     text;
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT * INTO c_enabling, c_key FROM ai_prompt_conversion_in_progress();
        IF c_key IS NOT NULL THEN
            c_from := ai_prompt_conversion_rotating_from();
        END IF;
        IF c_key IS NOT NULL
           AND (to_jsonb(NEW) - 'system_prompt' - 'content_sha256')
               = (to_jsonb(OLD) - 'system_prompt' - 'content_sha256')
           AND ((c_enabling AND c_from IS NULL
                 AND ai_prompt_envelope_of(NEW.system_prompt, c_key)
                 AND NOT ai_prompt_text_is_envelope(OLD.system_prompt)
                 AND ai_prompt_content_sha256(OLD.system_prompt, OLD.user_prompt_template)
                     = OLD.content_sha256
                 AND NEW.content_sha256 <> OLD.content_sha256)
             OR (c_enabling AND c_from IS NOT NULL
                 AND ai_prompt_envelope_of(OLD.system_prompt, c_from)
                 AND ai_prompt_envelope_of(NEW.system_prompt, c_key))
             OR (NOT c_enabling
                 AND ai_prompt_text_is_envelope(OLD.system_prompt)
                 AND NOT ai_prompt_text_is_envelope(NEW.system_prompt)
                 AND ai_prompt_content_sha256(NEW.system_prompt, NEW.user_prompt_template)
                     = NEW.content_sha256)) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'ai_prompt_versions rows are immutable (% of version % refused)',
                    TG_OP, OLD.version_no
        USING ERRCODE = 'restrict_violation',
              HINT = 'Insert a new version instead; versions are removed only with their prompt.';
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_immutable BEFORE UPDATE OR DELETE ON ai_prompt_versions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_versions_immutable();

-- Labels
DROP FUNCTION ai_prompt_label_move(text, text, integer, boolean, text, jsonb);
CREATE OR REPLACE FUNCTION ai_prompt_versions_latest() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE ai_prompts
    SET latest_version = NEW.version_no
    WHERE id = NEW.prompt_id
      AND (latest_version IS NULL OR latest_version < NEW.version_no);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_versions_production_label() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM ai_prompt_sync_production(NEW.prompt_id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompts_production_label() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM ai_prompt_sync_production(NEW.id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_sync_production(p_prompt uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    v_active  boolean;
    v_current integer;
BEGIN
    SELECT is_active, current_version INTO v_active, v_current FROM ai_prompts WHERE id = p_prompt;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF NOT v_active THEN
        DELETE FROM ai_prompt_labels WHERE prompt_id = p_prompt AND label = 'production';
    ELSIF EXISTS (SELECT 1 FROM ai_prompt_versions
                  WHERE prompt_id = p_prompt AND version_no = v_current) THEN
        INSERT INTO ai_prompt_labels AS l (prompt_id, label, version_no)
        VALUES (p_prompt, 'production', v_current)
        ON CONFLICT (prompt_id, label) DO UPDATE
            SET version_no = EXCLUDED.version_no, moved_at = now()
            WHERE l.version_no IS DISTINCT FROM EXCLUDED.version_no;
    END IF;
END;
$$;
GRANT EXECUTE ON FUNCTION ai_prompt_sync_production(uuid) TO PUBLIC;

CREATE OR REPLACE FUNCTION ai_prompt_labels_history() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    v_console text := nullif(current_setting('uaip.console_user', true), '');
    v_reason  text := coalesce(nullif(current_setting('uaip.label_reason', true), ''), 'database');
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ai_prompt_label_history (prompt_id, label, from_version, to_version,
                                             console_user, reason)
        VALUES (NEW.prompt_id, NEW.label, NULL, NEW.version_no, v_console, v_reason);
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.version_no IS DISTINCT FROM OLD.version_no THEN
            INSERT INTO ai_prompt_label_history (prompt_id, label, from_version, to_version,
                                                 console_user, reason)
            VALUES (NEW.prompt_id, NEW.label, OLD.version_no, NEW.version_no, v_console, v_reason);
        END IF;
    ELSE
        INSERT INTO ai_prompt_label_history (prompt_id, label, from_version, to_version,
                                             console_user, reason)
        VALUES (OLD.prompt_id, OLD.label, OLD.version_no, NULL, v_console, v_reason);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION ai_prompt_labels_no_truncate() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% of % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER trg_ai_prompt_labels_guard_owner ON ai_prompt_labels;
DROP TRIGGER trg_ai_prompt_labels_guard ON ai_prompt_labels;
DROP FUNCTION ai_prompt_labels_guard();

CREATE FUNCTION ai_prompt_protected_confirmed() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT coalesce(current_setting('uaip.confirm_protected', true), '') = 'on' $$;

CREATE FUNCTION ai_prompt_labels_guard() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    v_key     text;
    v_active  boolean;
    v_current integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.is_protected
       AND NOT ai_prompt_protected_confirmed() THEN
        SELECT prompt_id INTO v_key FROM ai_prompts WHERE id = OLD.prompt_id;
        IF TG_OP = 'DELETE' AND v_key IS NOT NULL THEN
            RAISE EXCEPTION 'label "%" of prompt "%" is protected: removing it needs the confirmation',
                            OLD.label, v_key
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Confirm in uaip-admin or with uaip-migrate --confirm; by hand: '
                             'SELECT set_config(''uaip.confirm_protected'', ''on'', true) in the '
                             'same transaction.';
        ELSIF TG_OP = 'UPDATE'
              AND (NEW.version_no IS DISTINCT FROM OLD.version_no OR NOT NEW.is_protected
                   OR NEW.label IS DISTINCT FROM OLD.label
                   OR NEW.prompt_id IS DISTINCT FROM OLD.prompt_id) THEN
            RAISE EXCEPTION 'label "%" of prompt "%" is protected: moving or unprotecting it (version % -> %) needs the confirmation',
                            OLD.label, v_key, OLD.version_no, NEW.version_no
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Confirm in uaip-admin or with uaip-migrate --confirm; by hand: '
                             'SELECT set_config(''uaip.confirm_protected'', ''on'', true) in the '
                             'same transaction.';
        END IF;
    END IF;
    -- Written directly (not by ai_prompt_sync_production), "production" must agree with the
    -- row the platform serves.
    IF pg_trigger_depth() = 1 THEN
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.label = 'production' THEN
            SELECT prompt_id, is_active, current_version INTO v_key, v_active, v_current
            FROM ai_prompts WHERE id = NEW.prompt_id;
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
            SELECT prompt_id INTO v_key FROM ai_prompts WHERE id = OLD.prompt_id AND is_active;
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
    BEFORE INSERT OR UPDATE OR DELETE ON ai_prompt_labels
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_labels_guard();

DROP FUNCTION ai_prompt_label_confirmed(uuid, text);
DROP TABLE ai_prompt_label_confirmations;
DROP FUNCTION ai_prompt_label_confirmation_expire();

-- Owner-only conversion marker
CREATE OR REPLACE FUNCTION ai_prompt_encryption_conversion_finished() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM ai_prompt_encryption_conversions WHERE xact_id = NEW.xact_id) THEN
        RAISE EXCEPTION 'a prompt text conversion was begun and not finished; nothing is committed'
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    RETURN NULL;
END;
$$;

DROP TRIGGER trg_ai_prompt_encryption_conversions_no_truncate
    ON ai_prompt_encryption_conversions;
DROP TRIGGER trg_ai_prompt_encryption_conversions_owner_only
    ON ai_prompt_encryption_conversions;
CREATE FUNCTION ai_prompt_encryption_conversions_owner_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF current_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
        RAISE EXCEPTION 'ai_prompt_encryption_conversions is written only by ai_prompt_encryption_begin() and _finish() (% by % refused)',
                        TG_OP, current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_ai_prompt_encryption_conversions_owner_only
    BEFORE INSERT OR UPDATE OR DELETE ON ai_prompt_encryption_conversions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_encryption_conversions_owner_only();

-- Helpers
CREATE OR REPLACE FUNCTION ai_prompt_conversion_rotating_from() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT from_key_id FROM ai_prompt_encryption_conversions WHERE xact_id = pg_current_xact_id()
$$;
GRANT EXECUTE ON FUNCTION ai_prompt_conversion_rotating_from() TO PUBLIC;

CREATE OR REPLACE FUNCTION ai_prompt_conversion_in_progress(OUT enabling boolean, OUT key_id text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    SELECT c.enabling, c.key_id INTO enabling, key_id FROM ai_prompt_encryption_conversions c
    WHERE c.xact_id = pg_current_xact_id();
END;
$$;
GRANT EXECUTE ON FUNCTION ai_prompt_conversion_in_progress() TO PUBLIC;

ALTER FUNCTION ai_prompt_envelope_of(text, text) SECURITY INVOKER RESET ALL;
ALTER FUNCTION ai_prompt_content_sha256(text, text) SECURITY INVOKER RESET ALL;
ALTER FUNCTION ai_prompt_text_is_envelope(text) SECURITY INVOKER RESET ALL;

DROP FUNCTION uaip_owner_only_write();
DROP FUNCTION ai_prompt_rules_owner();
