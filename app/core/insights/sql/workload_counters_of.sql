-- The counters so far of the statements named ($1: a JSON array of queryids), one row per
-- statement (every role's rows summed), from pg_stat_statements (its schema written in for
-- SCHEMA).
SELECT s.queryid::text AS queryid,
       sum(s.calls)::bigint AS calls,
       sum(s.total_exec_time) AS total_ms,
       sum(s.rows)::bigint AS rows
FROM %SCHEMA%.pg_stat_statements(false) s
WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
  AND s.toplevel
  AND s.queryid::text IN (SELECT json_array_elements_text($1::json))
GROUP BY s.queryid
