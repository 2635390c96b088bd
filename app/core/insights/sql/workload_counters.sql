-- This database's top statements by total execution time, one row per statement (the rows of
-- every role summed), from pg_stat_statements (its schema written in for SCHEMA): calls,
-- total time (ms) and rows so far, the role that ran it most; the console's own statements left
-- out. $1: how many; $2: the first lines of the console's statements (a JSON array,
-- SqlResource::firstLines).
-- A statement is the console's when its first or its last line is one of those lines: PostgreSQL
-- 18 keeps no comment before a statement's first token in query, one after its last it keeps.
SELECT s.queryid::text AS queryid,
       min(s.query) AS query,
       (array_agg(r.rolname ORDER BY s.calls DESC))[1]::text AS username,
       sum(s.calls)::bigint AS calls,
       sum(s.total_exec_time) AS total_ms,
       sum(s.rows)::bigint AS rows
FROM %SCHEMA%.pg_stat_statements(true) s
LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid
WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
  AND s.toplevel
  AND btrim(split_part(s.query, E'\n', 1), E' \r\t') NOT IN (SELECT json_array_elements_text($2::json))
  AND btrim(split_part(s.query, E'\n', -1), E' \r\t') NOT IN (SELECT json_array_elements_text($2::json))
GROUP BY s.queryid
ORDER BY sum(s.total_exec_time) DESC, s.queryid::text
LIMIT $1
