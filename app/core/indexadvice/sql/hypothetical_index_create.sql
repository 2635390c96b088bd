-- A hypothetical index: seen by this session's planner only, never built (hypopg, its schema
-- written in for SCHEMA). $1: its CREATE INDEX statement.
SELECT h.indexrelid::bigint AS indexrelid, h.indexname
FROM %SCHEMA%.hypopg_create_index($1) h
