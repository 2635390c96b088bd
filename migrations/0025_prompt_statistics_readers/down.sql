-- 0025_prompt_statistics_readers down: 0021's statistics step back (user_prompt_template's and
-- search_vector's rows removed by altering their type: ACCESS EXCLUSIVE, waiting for readers).
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
    -- The same type: no rewrite, the column's pg_statistic rows are removed.
    ALTER TABLE public.ai_prompt_versions
        ALTER COLUMN user_prompt_template TYPE text,
        ALTER COLUMN user_prompt_template SET STATISTICS 0,
        ALTER COLUMN system_prompt SET STATISTICS -1;
    ALTER TABLE public.ai_prompts
        ALTER COLUMN user_prompt_template TYPE text,
        ALTER COLUMN search_vector TYPE tsvector,
        ALTER COLUMN user_prompt_template SET STATISTICS 0,
        ALTER COLUMN search_vector SET STATISTICS 0,
        ALTER COLUMN system_prompt SET STATISTICS -1;
    -- system_prompt's type cannot be altered (a generated column and column triggers use it):
    -- its rows are recomputed from the envelopes (this transaction's texts), then frozen.
    ANALYZE public.ai_prompts (system_prompt);
    ANALYZE public.ai_prompt_versions (system_prompt);
    ALTER TABLE public.ai_prompts ALTER COLUMN system_prompt SET STATISTICS 0;
    ALTER TABLE public.ai_prompt_versions ALTER COLUMN system_prompt SET STATISTICS 0;
END;
$$;
REVOKE ALL ON FUNCTION public.ai_prompt_statistics_secret(boolean) FROM PUBLIC;
