-- This database's statements as pg_stat_statements counted them (its schema written in for
-- SCHEMA), one row per statement (every role's rows summed, the top-level ones): its text (NULL
-- when the role may not read it: '<insufficient privilege>') and its calls so far; the console's
-- own statements left out. $1: the first lines of the console's statements (a JSON array,
-- SqlResource::firstLines).
-- A statement is the console's when its first or its last line is one of those lines: PostgreSQL
-- 18 keeps no comment before a statement's first token in query, one after its last it keeps.
SELECT s.queryid::text AS queryid,
       min(s.query) FILTER (WHERE s.query <> '<insufficient privilege>') AS query,
       sum(s.calls)::bigint AS calls
FROM %SCHEMA%.pg_stat_statements(true) s
WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
  AND s.toplevel
  AND btrim(split_part(s.query, E'\n', 1), E' \r\t') NOT IN (SELECT json_array_elements_text($1::json))
  AND btrim(split_part(s.query, E'\n', -1), E' \r\t') NOT IN (SELECT json_array_elements_text($1::json))
GROUP BY s.queryid
