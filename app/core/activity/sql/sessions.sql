-- The client sessions of the server (pg_stat_activity), with whom each waits on and whether it
-- holds the console's migration lock ($1 classid, $2 objid: MigrationLock's two-key advisory
-- lock). Ages in milliseconds (null: no transaction / no statement).
SELECT a.pid,
       coalesce(a.usename, '') AS usename,
       coalesce(a.datname, '') AS datname,
       coalesce(a.application_name, '') AS application_name,
       coalesce(host(a.client_addr), 'local') AS client,
       coalesce(a.state, '') AS state,
       coalesce(a.wait_event_type, '') AS wait_event_type,
       coalesce(a.wait_event, '') AS wait_event,
       (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint AS xact_ms,
       (extract(epoch FROM clock_timestamp() - a.query_start) * 1000)::bigint AS query_ms,
       (extract(epoch FROM clock_timestamp() - a.state_change) * 1000)::bigint AS state_ms,
       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS backend_start,
       coalesce(a.query, '') AS query,
       -- pg_blocking_pids() takes the lock manager's locks: only for sessions waiting on a lock
       CASE WHEN a.wait_event_type = 'Lock'
            THEN array_to_string(pg_blocking_pids(a.pid), ',') ELSE '' END AS blocked_by,
       EXISTS (SELECT 1 FROM pg_locks l
               WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted
                 AND l.classid = $1::int::oid AND l.objid = $2::int::oid AND l.objsubid = 2)
           AS holds_migration_lock
FROM pg_stat_activity a
WHERE a.backend_type = 'client backend'
ORDER BY a.pid
