-- Who holds the migration lock of this database right now.
SELECT a.pid, a.usename, a.application_name, coalesce(pg_catalog.host(a.client_addr), 'local') AS client,
       pg_catalog.to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS backend_start,
       pg_catalog.to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS query_start,
       pg_catalog.left(a.query, 200) AS query
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_stat_activity a ON a.pid OPERATOR(pg_catalog.=) l.pid
WHERE l.locktype OPERATOR(pg_catalog.=) 'advisory' AND l.granted
  AND l.database OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                       WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
  AND l.classid OPERATOR(pg_catalog.=) $1::int::pg_catalog.oid AND l.objid OPERATOR(pg_catalog.=) $2::int::pg_catalog.oid
  AND l.objsubid OPERATOR(pg_catalog.=) 2
LIMIT 1
