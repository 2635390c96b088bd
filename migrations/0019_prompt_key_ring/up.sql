-- 0019_prompt_key_ring: key rotation and keyed content digests (README "Encryption envelope").
--  * Rotation: ai_prompt_encryption_begin_rotation(from, to) starts a conversion that re-seals
--    every envelope of the current key `from` as an envelope of the new key `to`, envelope to
--    envelope, in the caller's transaction; ai_prompt_encryption_finish() (0018) checks every
--    text, records the new key and writes the audit row ('ai_prompt.encryption_rotate').
--  * content_sha256 of an encrypted version is a keyed digest (HMAC-SHA256 under a key derived
--    from the data key; the database cannot compute it): a conversion may change it together
--    with system_prompt. Enabling replaces the certified plain SHA-256 by another digest,
--    disabling restores the SHA-256 of the plain text (checked here), rotating replaces one
--    keyed digest by another. Nothing else about a version can change.
--  * The keychain entry of a key is named after ai_prompt_encryption.database_uuid (0014) and
--    the key id: nothing here changes for that (the name is chosen by the application).

ALTER TABLE ai_prompt_encryption_conversions ADD COLUMN from_key_id text;

-- The key a rotation of this transaction re-seals from (NULL: no rotation in progress).
CREATE FUNCTION ai_prompt_conversion_rotating_from() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT from_key_id FROM ai_prompt_encryption_conversions WHERE xact_id = pg_current_xact_id()
$$;

CREATE FUNCTION ai_prompt_encryption_begin_rotation(p_from_key_id text, p_to_key_id text)
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
REVOKE ALL ON FUNCTION ai_prompt_encryption_begin_rotation(text, text) FROM PUBLIC;

-- As in 0018, with the rotation's audit action.
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
                || jsonb_build_object('database_user', session_user::text))
    RETURNING id INTO v_audit;
    DELETE FROM ai_prompt_encryption_conversions WHERE xact_id = m.xact_id;
    RETURN v_audit;
END;
$$;

-- Versions: immutable; the conversion alone may swap the stored form of system_prompt and, with
-- it, the digest (keyed while encrypted, the plain SHA-256 otherwise).
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
