-- A sample's statements: this database's top $2 statements by total execution time from
-- pg_stat_statements (its schema written in for SCHEMA), their counters so far (every role's
-- rows summed), the console's own statements left out ($3, as workload_counters.sql: by their
-- first or last line); their texts kept (the latest). $1: the sample. How many were kept.
-- Another role's statements that this role may not see (no pg_read_all_stats: their queryid is
-- NULL) are left out.
WITH top AS (
    SELECT s.queryid::text AS queryid,
           min(s.query) AS query,
           (array_agg(r.rolname ORDER BY s.calls DESC))[1]::text AS username,
           sum(s.calls)::bigint AS calls,
           sum(s.total_exec_time) AS total_ms,
           sum(s.rows)::bigint AS rows
    FROM %SCHEMA%.pg_stat_statements(true) s
    LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid
    WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d
                    WHERE d.datname = pg_catalog.current_database())
      AND s.toplevel
      AND s.queryid IS NOT NULL
      AND btrim(split_part(s.query, E'\n', 1), E' \r\t')
          NOT IN (SELECT json_array_elements_text($3::json))
      AND btrim(split_part(s.query, E'\n', -1), E' \r\t')
          NOT IN (SELECT json_array_elements_text($3::json))
    GROUP BY s.queryid
    ORDER BY sum(s.total_exec_time) DESC, s.queryid::text
    LIMIT $2
),
texts AS (
    INSERT INTO uaip_ledger.uaip_workload_history_texts (queryid, query, username)
    SELECT t.queryid, t.query, t.username FROM top t
    ON CONFLICT (queryid) DO UPDATE SET query = EXCLUDED.query, username = EXCLUDED.username
),
kept AS (
    INSERT INTO uaip_ledger.uaip_workload_history_statements
        (sample_id, queryid, calls, total_ms, rows)
    SELECT $1::bigint, t.queryid, t.calls, t.total_ms, t.rows FROM top t
    RETURNING 1
)
SELECT count(*)::int AS kept FROM kept
