-- 0013_prompt_labels: labels on prompt versions (production, staging, and any the user adds)
-- and their history.
-- Rules (docs/architecture.md, "Prompts"):
--  * "latest" is computed (the newest version_no), never stored: it cannot lag behind.
--  * "production" is what the platform serves. The platform reads the ai_prompts row (its
--    current text = current_version) of active prompts, so the database keeps
--        is_active  <=>  the prompt has a "production" label,  and it points at current_version
--    with triggers: any write that changes is_active or current_version (the console, the
--    seeder, the platform itself) moves, creates or removes the label. Moving "production"
--    to another version is done by publishing that version (the console sets the row to its
--    text and current_version); the trigger follows.
--  * Every label change lands in ai_prompt_label_history with the database user and the
--    console user (the session setting uaip.console_user, empty for other clients) and a
--    reason (uaip.label_reason: label, save, restore, import; "database" otherwise).
--  * Protected labels (is_protected) move only when the console's caller confirmed it; the
--    console enforces that, the platform's own writes are not refused.

-- The prompt list's search: prompt ids by prefix, case-insensitive (lower(prompt_id) LIKE
-- 'abc%'), through an index, beside the full-text GIN index of 0010.
CREATE INDEX idx_ai_prompts_prompt_id_pattern ON ai_prompts (lower(prompt_id) text_pattern_ops);

CREATE TABLE ai_prompt_labels (
    prompt_id    uuid NOT NULL REFERENCES ai_prompts (id) ON DELETE CASCADE,
    label        varchar(50) NOT NULL,
    version_no   integer NOT NULL,
    is_protected boolean NOT NULL DEFAULT false,
    moved_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ai_prompt_labels_pkey PRIMARY KEY (prompt_id, label),
    -- versions are deleted only with their prompt: the label goes with them
    CONSTRAINT ai_prompt_labels_version_fkey FOREIGN KEY (prompt_id, version_no)
        REFERENCES ai_prompt_versions (prompt_id, version_no) ON DELETE CASCADE,
    CONSTRAINT chk_ai_prompt_labels_label
        CHECK (label ~ '^[a-z][a-z0-9_-]{0,49}$' AND label <> 'latest')
);
-- The list filters prompts by label.
CREATE INDEX idx_ai_prompt_labels_label ON ai_prompt_labels (label);

-- Existing active prompts get their production label on their current version (before the
-- history trigger exists: the history starts with the migration).
INSERT INTO ai_prompt_labels (prompt_id, label, version_no)
SELECT p.id, 'production', p.current_version
FROM ai_prompts p
WHERE p.is_active
  AND EXISTS (SELECT 1 FROM ai_prompt_versions v
              WHERE v.prompt_id = p.id AND v.version_no = p.current_version);

-- No foreign key on prompt_id: the history of a deleted prompt is kept.
CREATE TABLE ai_prompt_label_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    prompt_id     uuid NOT NULL,
    label         varchar(50) NOT NULL,
    from_version  integer,  -- NULL: the label was created
    to_version    integer,  -- NULL: the label was removed
    database_user text NOT NULL DEFAULT current_user,
    console_user  text,
    reason        text NOT NULL,
    moved_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX idx_ai_prompt_label_history_prompt ON ai_prompt_label_history (prompt_id, moved_at);

CREATE FUNCTION ai_prompt_labels_history() RETURNS trigger
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
CREATE TRIGGER trg_ai_prompt_labels_history AFTER INSERT OR UPDATE OR DELETE ON ai_prompt_labels
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_labels_history();

-- is_active <=> "production" on current_version (when that version row exists).
CREATE FUNCTION ai_prompt_sync_production(p_prompt uuid) RETURNS void
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

CREATE FUNCTION ai_prompts_production_label() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM ai_prompt_sync_production(NEW.id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER trg_ai_prompts_production_label
    AFTER INSERT OR UPDATE OF is_active, current_version ON ai_prompts
    FOR EACH ROW EXECUTE FUNCTION ai_prompts_production_label();

-- A prompt row may be written before its version row (the seeder does): the label follows
-- when the version arrives.
CREATE FUNCTION ai_prompt_versions_production_label() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM ai_prompt_sync_production(NEW.prompt_id);
    RETURN NULL;
END;
$$;
CREATE TRIGGER trg_ai_prompt_versions_production_label
    AFTER INSERT ON ai_prompt_versions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_versions_production_label();

