-- 0020_prompt_encryption_repair down: 0018's begin() (a disable while the state says off is
-- refused, envelopes or not) and 0019's finish() come back; the marker loses repair_envelopes.

CREATE OR REPLACE FUNCTION ai_prompt_encryption_begin(p_enable boolean, p_key_id text) RETURNS void
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

ALTER TABLE ai_prompt_encryption_conversions DROP COLUMN repair_envelopes;
