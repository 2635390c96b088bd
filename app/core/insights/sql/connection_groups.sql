-- Client backends by database, application and state (state NULL: a session this role may not
-- see into), with the oldest transaction's and state's age (ms).
SELECT coalesce(a.datname, '') AS datname,
       coalesce(a.application_name, '') AS application_name,
       a.state,
       count(*) AS sessions,
       (extract(epoch FROM max(now() - a.xact_start)) * 1000)::bigint AS oldest_xact_ms,
       (extract(epoch FROM max(now() - a.state_change)) * 1000)::bigint AS oldest_state_ms
FROM pg_catalog.pg_stat_activity a
WHERE a.backend_type = 'client backend'
GROUP BY 1, 2, 3
ORDER BY count(*) DESC, 1, 2, 3
