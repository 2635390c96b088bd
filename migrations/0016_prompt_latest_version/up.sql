-- 0016_prompt_latest_version: ai_prompts.latest_version, the newest version_no of the prompt
-- (the computed label "latest"; NULL while the prompt has no version), kept by a trigger on
-- ai_prompt_versions for every writer (console, seeder, platform). Versions are immutable and
-- only ever inserted, so the newest one only grows.
-- Why: the prompt list read "latest" as max(version_no) per prompt. EXPLAIN (ANALYZE, BUFFERS)
-- on the bench data (10,000 prompts x 10 versions, tests/bench/bench_prompts): a GroupAggregate
-- over an index-only scan of all 100,000 (prompt_id, version_no) entries, the largest part of
-- the list's server time (about 80 of 160 ms on the loaded bench machine, every list); one
-- index probe per prompt instead costs 30,000 buffer hits. The stored column is read with the
-- row: no aggregate at all.
ALTER TABLE ai_prompts ADD COLUMN latest_version integer;

UPDATE ai_prompts p
SET latest_version = v.latest
FROM (SELECT prompt_id, max(version_no) AS latest
      FROM ai_prompt_versions
      GROUP BY prompt_id) v
WHERE v.prompt_id = p.id;

CREATE FUNCTION ai_prompt_versions_latest() RETURNS trigger
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

CREATE TRIGGER trg_ai_prompt_versions_latest
    AFTER INSERT ON ai_prompt_versions
    FOR EACH ROW EXECUTE FUNCTION ai_prompt_versions_latest();
