-- Since when pg_stat_statements counts (its last reset, UTC) and how many statements it has
-- dropped for want of room (pg_stat_statements.max).
SELECT to_char(i.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since,
       i.dealloc
FROM %SCHEMA%.pg_stat_statements_info i
