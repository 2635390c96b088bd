-- A hypothetical index (hypopg, its schema written in for %SCHEMA%): seen by this session's
-- planner only, never built. $1: its CREATE INDEX statement.
SELECT h.indexrelid::bigint AS indexrelid, h.indexname
FROM %SCHEMA%.hypopg_create_index($1) h
