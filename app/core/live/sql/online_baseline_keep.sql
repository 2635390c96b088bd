-- The baseline of expand version $1: the calls so far of every statement of this database
-- (top-level, every role's rows summed) from pg_stat_statements (its schema written in for
-- SCHEMA), and its last reset; one that was kept for the version before is replaced. Another
-- role's statements this role may not see (their queryid is NULL) are left out.
INSERT INTO uaip_ledger.uaip_online_baselines AS b (version, stats_reset, calls)
SELECT $1,
       (SELECT i.stats_reset FROM %SCHEMA%.pg_stat_statements_info i),
       coalesce((SELECT jsonb_object_agg(c.queryid, c.calls)
                 FROM (SELECT s.queryid::text AS queryid, sum(s.calls)::bigint AS calls
                       FROM %SCHEMA%.pg_stat_statements(false) s
                       WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d
                                       WHERE d.datname = current_database())
                         AND s.toplevel
                         AND s.queryid IS NOT NULL
                       GROUP BY s.queryid) c),
                '{}'::jsonb)
ON CONFLICT (version) DO UPDATE
SET taken_at = clock_timestamp(), taken_by = current_user,
    stats_reset = EXCLUDED.stats_reset, calls = EXCLUDED.calls
