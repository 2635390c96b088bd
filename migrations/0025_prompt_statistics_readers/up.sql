-- 0025_prompt_statistics_readers: an enable no longer waits for the readers of the prompt tables
-- (issue 78, point 3; README "enable and disable hold ai_prompts and ai_prompt_versions against
-- writers (readers go on)"). finish() removed the pg_statistic rows of user_prompt_template and
-- search_vector by altering their type to the same type (0021), which takes ACCESS EXCLUSIVE:
-- a reader idle in a REPEATABLE READ transaction that had read ai_prompts kept it, and the
-- enable failed after its lock timeout (55P03), converting nothing.
--  * Now every step of the statistics takes SHARE UPDATE EXCLUSIVE at most, which no reader
--    holds: system_prompt and search_vector (generated from it) are analyzed in the
--    conversion's transaction, so their rows are recomputed from the envelopes it wrote, then
--    their target is set to 0, as is user_prompt_template's.
--  * user_prompt_template is never sealed (a role that reads its statistics reads the column),
--    so its rows are removed as before only when ACCESS EXCLUSIVE is free at once (NOWAIT);
--    with a reader on the table they stay as they were, and no ANALYZE adds to them.
--  * A disable restores the default target (-1), as before.

CREATE OR REPLACE FUNCTION public.ai_prompt_statistics_secret(p_secret boolean) RETURNS void
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
    -- The sealed columns' rows recomputed from this transaction's texts (SHARE UPDATE
    -- EXCLUSIVE: readers go on), then frozen.
    ALTER TABLE public.ai_prompts
        ALTER COLUMN system_prompt SET STATISTICS -1,
        ALTER COLUMN search_vector SET STATISTICS -1;
    ALTER TABLE public.ai_prompt_versions ALTER COLUMN system_prompt SET STATISTICS -1;
    ANALYZE public.ai_prompts (system_prompt, search_vector);
    ANALYZE public.ai_prompt_versions (system_prompt);
    ALTER TABLE public.ai_prompts
        ALTER COLUMN system_prompt SET STATISTICS 0,
        ALTER COLUMN search_vector SET STATISTICS 0,
        ALTER COLUMN user_prompt_template SET STATISTICS 0;
    ALTER TABLE public.ai_prompt_versions
        ALTER COLUMN system_prompt SET STATISTICS 0,
        ALTER COLUMN user_prompt_template SET STATISTICS 0;
    -- user_prompt_template's rows: removed (the same type: no rewrite) when no session holds the
    -- table, never waiting for one.
    BEGIN
        LOCK TABLE public.ai_prompt_versions IN ACCESS EXCLUSIVE MODE NOWAIT;
        ALTER TABLE public.ai_prompt_versions ALTER COLUMN user_prompt_template TYPE text;
    EXCEPTION WHEN lock_not_available THEN
        NULL;
    END;
    BEGIN
        LOCK TABLE public.ai_prompts IN ACCESS EXCLUSIVE MODE NOWAIT;
        ALTER TABLE public.ai_prompts ALTER COLUMN user_prompt_template TYPE text;
    EXCEPTION WHEN lock_not_available THEN
        NULL;
    END;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_statistics_secret(boolean) FROM PUBLIC;
