-- The workload's top statements in this database from pg_stat_statements (the extension's
-- schema written in for SCHEMA): calls, total and mean execution time (ms), rows, shared
-- blocks hit and read, each one's share of the database's total time; the console's own
-- statements left out. $1: 'mean' orders by mean time, anything else by total time; $2: how
-- many; $3: the first lines of the console's statements (a JSON array, SqlResource::firstLines).
-- A statement is the console's when its first or its last line is one of those lines: PostgreSQL
-- 18 keeps no comment before a statement's first token in query, one after its last it keeps.
SELECT s.queryid::text AS queryid,
       s.query,
       r.rolname AS username,
       s.calls,
       s.total_exec_time,
       s.mean_exec_time,
       s.rows,
       s.shared_blks_hit,
       s.shared_blks_read,
       100 * s.total_exec_time / nullif(sum(s.total_exec_time) OVER (), 0) AS share,
       sum(s.total_exec_time) OVER () AS database_total
FROM %SCHEMA%.pg_stat_statements(true) s
LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid
WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
  AND s.toplevel
  AND btrim(split_part(s.query, E'\n', 1), E' \r\t') NOT IN (SELECT json_array_elements_text($3::json))
  AND btrim(split_part(s.query, E'\n', -1), E' \r\t') NOT IN (SELECT json_array_elements_text($3::json))
ORDER BY CASE WHEN $1 = 'mean' THEN s.mean_exec_time ELSE s.total_exec_time END DESC,
         s.queryid
LIMIT $2
