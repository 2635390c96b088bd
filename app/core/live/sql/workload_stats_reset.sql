-- Since when pg_stat_statements counts (its last reset, UTC, to the microsecond; its schema
-- written in for SCHEMA).
SELECT to_char(i.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since
FROM %SCHEMA%.pg_stat_statements_info i
