-- Who keeps VACUUM FULL from rewriting the prompt tables: the other sessions of this database
-- that hold a lock on ai_prompts or ai_prompt_versions (pg_locks: every role reads it), or whose
-- transaction began before $1 (a time after the conversion committed) and holds a snapshot
-- that may still see the old row versions. Each with its pid, role, application, since when
-- (NULL where this role may not read another role's session: pg_read_all_stats), state and
-- the locks it holds on them as pg_locks names them ('AccessShareLock on ai_prompts'; NULL
-- when none), oldest first.
SELECT a.pid, a.usename::pg_catalog.text AS role, a.application_name,
       pg_catalog.to_char(pg_catalog.timezone('UTC', a.xact_start),
                          'YYYY-MM-DD HH24:MI:SS "UTC"') AS since,
       a.state,
       (SELECT pg_catalog.string_agg(DISTINCT pg_catalog.concat(l.mode, ' on ', c.relname), ', ')
        FROM pg_catalog.pg_locks l
        JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) l.relation
        WHERE l.pid OPERATOR(pg_catalog.=) a.pid AND l.granted
          AND l.relation OPERATOR(pg_catalog.=) ANY (ARRAY[
                  '"ai_prompts"'::pg_catalog.regclass,
                  '"ai_prompt_versions"'::pg_catalog.regclass]::pg_catalog.oid[])) AS locks
FROM pg_catalog.pg_stat_activity a
WHERE a.datname OPERATOR(pg_catalog.=) pg_catalog.current_database()
  AND a.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid()
  AND (EXISTS (SELECT FROM pg_catalog.pg_locks l
               WHERE l.pid OPERATOR(pg_catalog.=) a.pid AND l.granted
                 AND l.relation OPERATOR(pg_catalog.=) ANY (ARRAY[
                         '"ai_prompts"'::pg_catalog.regclass,
                         '"ai_prompt_versions"'::pg_catalog.regclass]::pg_catalog.oid[]))
       OR (a.backend_xmin IS NOT NULL
           AND a.xact_start OPERATOR(pg_catalog.<) $1::pg_catalog.timestamptz))
ORDER BY a.xact_start NULLS LAST, a.pid
