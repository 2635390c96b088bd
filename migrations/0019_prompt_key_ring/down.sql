-- 0019_prompt_key_ring down: the rotation goes; 0018's finish() and immutability trigger come
-- back (a version's digest can no longer change with its text).

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
-- Ends the conversion: every text in the new form, then the state, the audit row (p_metadata
-- plus the database user) and the marker's removal. Returns the audit row's id.
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

DROP FUNCTION ai_prompt_encryption_begin_rotation(text, text);
DROP FUNCTION ai_prompt_conversion_rotating_from();
ALTER TABLE ai_prompt_encryption_conversions DROP COLUMN from_key_id;
