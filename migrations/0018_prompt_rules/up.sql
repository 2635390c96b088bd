-- 0018_prompt_rules: the prompt rules that 0013/0014 left to the console, enforced by the
-- database for every writer (psql, the Entities grid, the platform, uaip-admin, uaip-migrate).
-- docs/architecture.md, "Prompts", says what is enforced where.
--  * Protected labels: moving, removing or unprotecting a protected label (is_protected) is
--    refused unless the transaction carries the confirmation uaip.confirm_protected = 'on'
--    (the core sets it transaction-locally, only after the console's typed-name confirmation
--    or the CLI's --confirm). A prompt deleted as a whole takes its labels with it.
--  * "production" mirrors ai_prompts (is_active, current_version): written directly, the
--    label must agree with the row; it moves by publishing a version (the row), never alone.
--  * The text conversion of enable/disable runs only between ai_prompt_encryption_begin() and
--    ai_prompt_encryption_finish(), SECURITY DEFINER functions owned by the migration's role.
--    begin() locks the state row and writes a marker row for the current transaction id into
--    ai_prompt_encryption_conversions, a table no other role may write (REVOKE ALL FROM
--    PUBLIC): the immutability and stored-form triggers accept a converted text only while
--    such a row exists for their own transaction, never because of a setting a session can
--    SET. During an enable only well-formed envelopes of the marker's key id replace plain
--    texts that content_sha256 certifies; during a disable only the certified plain text
--    replaces an envelope. finish() checks every text, sets the state, writes the audit row
--    and removes the marker; a deferred constraint trigger refuses a COMMIT with a marker
--    left (begun, not finished).
--  * ai_prompt_encryption changes only inside such a conversion (TRUNCATE never).
--  * While encryption is off, a system prompt that starts with 'uaipenc:' is refused (it would
--    look encrypted and wedge enable and export).
--  * audit_logs is append-only: UPDATE, DELETE and TRUNCATE are refused, except the
--    ON DELETE SET NULL of its references (a deleted user, agent or organisation).
-- The table owner and superusers stay outside (they may disable triggers); every other role
-- meets these rules.

-- Protected labels ---------------------------------------------------------------------------

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
CREATE FUNCTION ai_prompt_labels_no_truncate() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% of % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER trg_ai_prompt_labels_no_truncate BEFORE TRUNCATE ON ai_prompt_labels
    FOR EACH STATEMENT EXECUTE FUNCTION ai_prompt_labels_no_truncate();

-- The encryption state and the text conversion ------------------------------------------------

-- A well-formed envelope of the key: uaipenc:1:<key id>:<nonce 12 bytes>:<ciphertext>:<tag 16
-- bytes>, base64url without padding (README "Encryption envelope").
CREATE FUNCTION ai_prompt_envelope_of(t text, key_id text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT $1 ~ ('^uaipenc:1:' || $2 || ':[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]*:[A-Za-z0-9_-]{22}$')
$$;

-- One row per conversion in progress, for its transaction only. Written only by the SECURITY
-- DEFINER functions below (no privilege for anyone else).
CREATE TABLE ai_prompt_encryption_conversions (
    xact_id    xid8 PRIMARY KEY DEFAULT pg_current_xact_id(),
    enabling   boolean NOT NULL,
    key_id     text NOT NULL,
    started_by text NOT NULL DEFAULT session_user,
    started_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON ai_prompt_encryption_conversions FROM PUBLIC;

-- Even where someone granted privileges on every table of the schema: only the owner (the
-- SECURITY DEFINER functions run as the owner) writes a marker.
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

-- The conversion of the current transaction (no row: none).
-- (PL/pgSQL: its plan is cached, the conversion calls it for every row.)
CREATE FUNCTION ai_prompt_conversion_in_progress(OUT enabling boolean, OUT key_id text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
BEGIN
    SELECT c.enabling, c.key_id INTO enabling, key_id FROM ai_prompt_encryption_conversions c
    WHERE c.xact_id = pg_current_xact_id();
END;
$$;

CREATE FUNCTION ai_prompt_encryption_conversion_finished() RETURNS trigger
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
CREATE CONSTRAINT TRIGGER trg_ai_prompt_encryption_conversion_finished
    AFTER INSERT ON ai_prompt_encryption_conversions
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_encryption_conversion_finished();

-- Starts the conversion of this transaction: p_enable = seal with key p_key_id, or open the
-- envelopes of that key. Locks the state row (writers of prompt texts read it FOR SHARE).
CREATE FUNCTION ai_prompt_encryption_begin(p_enable boolean, p_key_id text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_enabled boolean;
    v_key     text;
BEGIN
    IF p_enable IS NULL OR p_key_id IS NULL OR p_key_id !~ '^[0-9a-f]{16}$' THEN
        RAISE EXCEPTION 'ai_prompt_encryption_begin: a direction and a key id (16 hex digits) are required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT enabled, key_id INTO v_enabled, v_key FROM ai_prompt_encryption FOR UPDATE;
    IF p_enable AND v_enabled THEN
        RAISE EXCEPTION 'prompt encryption is already on (key %)', v_key
            USING ERRCODE = 'object_in_use';
    ELSIF NOT p_enable AND NOT v_enabled THEN
        RAISE EXCEPTION 'prompt encryption is already off' USING ERRCODE = 'object_in_use';
    ELSIF NOT p_enable AND v_key <> p_key_id THEN
        RAISE EXCEPTION 'the prompts are encrypted with key %, not %', v_key, p_key_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO ai_prompt_encryption_conversions (enabling, key_id) VALUES (p_enable, p_key_id);
END;
$$;

-- Ends the conversion: every text in the new form, then the state, the audit row (p_metadata
-- plus the database user) and the marker's removal. Returns the audit row's id.
CREATE FUNCTION ai_prompt_encryption_finish(p_metadata jsonb) RETURNS uuid
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
    INSERT INTO audit_logs (actor_type, action, entity_type, old_values, new_values, severity,
                            metadata)
    VALUES ('user',
            CASE WHEN m.enabling THEN 'ai_prompt.encryption_enable'
                 ELSE 'ai_prompt.encryption_disable' END,
            'ai_prompt_encryption',
            jsonb_build_object('enabled', v_old.enabled, 'key_id', v_old.key_id),
            jsonb_build_object('enabled', m.enabling, 'key_id', m.key_id), 'high',
            coalesce(p_metadata, '{}'::jsonb)
                || jsonb_build_object('database_user', session_user::text))
    RETURNING id INTO v_audit;
    DELETE FROM ai_prompt_encryption_conversions WHERE xact_id = m.xact_id;
    RETURN v_audit;
END;
$$;
REVOKE ALL ON FUNCTION ai_prompt_encryption_begin(boolean, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION ai_prompt_encryption_finish(jsonb) FROM PUBLIC;

CREATE FUNCTION ai_prompt_encryption_guard() RETURNS trigger
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

-- Versions: immutable; the conversion alone may swap the stored form of system_prompt.
CREATE OR REPLACE FUNCTION ai_prompt_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    c_enabling boolean;
    c_key      text;
BEGIN
    IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT * INTO c_enabling, c_key FROM ai_prompt_conversion_in_progress();
        IF c_key IS NOT NULL
           AND (to_jsonb(NEW) - 'system_prompt') = (to_jsonb(OLD) - 'system_prompt')
           AND ((c_enabling
                 AND ai_prompt_envelope_of(NEW.system_prompt, c_key)
                 AND NOT ai_prompt_text_is_envelope(OLD.system_prompt)
                 AND ai_prompt_content_sha256(OLD.system_prompt, OLD.user_prompt_template)
                     = OLD.content_sha256)
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

-- The stored form of a system prompt: an envelope of the current key while encryption is on,
-- never something that looks like one while it is off; what that refuses passes only as part of
-- this transaction's conversion (the new form). The marker is looked up only then, so ordinary
-- writes pay nothing for it; finish() checks every text before the state changes.
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

-- audit_logs: append-only -----------------------------------------------------------------------

CREATE FUNCTION audit_logs_append_only() RETURNS trigger
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
