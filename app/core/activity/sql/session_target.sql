-- The client session with process id $1 as it is now (no row: none has it): its database and
-- its backend_start to the microsecond (what a cancel or terminate must match), who and what.
SELECT a.pid,
       coalesce(a.datname, '') AS datname,
       coalesce(a.usename, '') AS usename,
       coalesce(a.application_name, '') AS application_name,
       coalesce(a.state, '') AS state,
       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS backend_start
FROM pg_stat_activity a
WHERE a.pid = $1::int
  -- backend_type is null where the role may not see the session's details (start_hidden)
  AND (a.backend_type = 'client backend' OR a.backend_type IS NULL)
