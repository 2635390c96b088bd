-- Moves (or creates) a label; $4 = protect flag or NULL to keep it.
INSERT INTO ai_prompt_labels AS l (prompt_id, label, version_no, is_protected)
VALUES ($1, $2, $3, coalesce($4::boolean, false))
ON CONFLICT (prompt_id, label) DO UPDATE
    SET version_no = EXCLUDED.version_no,
        moved_at = CASE WHEN l.version_no = EXCLUDED.version_no THEN l.moved_at ELSE now() END,
        is_protected = coalesce($4::boolean, l.is_protected)
