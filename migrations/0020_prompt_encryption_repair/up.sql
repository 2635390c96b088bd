-- 0020_prompt_encryption_repair: a disable can finish a mixed state (issue 20, point 1).
-- A database stuck before 0018 existed (or by a superuser who disabled the triggers) may say
-- encryption off (ai_prompt_encryption.enabled = false) while some system prompts
-- (ai_prompts.system_prompt, ai_prompt_versions.system_prompt: the texts the conversion covers)
-- are envelopes. Before, begin() refused a disable there ("already off") and an enable refused
-- the envelopes: no path repaired it.
--  * ai_prompt_encryption_begin(false, key): while the state says off, a disable is a repair
--    when envelopes exist (counted here, under the state row lock); without envelopes it is
--    still refused ("already off"). The key id of a repair is the state's (kept as is), or any
--    well-formed one when the state names none. Envelopes of other keys are opened by the
--    caller with its key ring; the triggers accept the plain text whose digest matches.
--  * The marker records the count (repair_envelopes); finish() audits the repair as a disable
--    ('ai_prompt.encryption_disable') whose metadata says repair: true and envelopes_opened.
--    These two come from the database, after the caller's metadata (which cannot override them).

ALTER TABLE ai_prompt_encryption_conversions ADD COLUMN repair_envelopes bigint;

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

-- As in 0019, and a repair says so in the audit row's metadata.
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
