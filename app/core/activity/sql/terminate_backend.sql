-- Terminates one client session (pg_terminate_backend: its connection drops), checked in
-- this same statement: the session must still be the one the caller saw, $1 pid and $2
-- backend_start both (a pid now held by a newer session is another session); on the connected
-- database unless $3 (all databases); the acting session not read-only at the server; $4, the
-- database name typed on production (null: not needed), the session's database.
-- No row: no client session has the pid. signalled is null when a check failed (nothing was
-- sent), false when the backend ended before the signal reached it.
SELECT coalesce(a.datname, '') AS datname,
       to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS backend_start,
       a.backend_start IS NULL AS start_hidden,
       coalesce(a.backend_start = $2::timestamptz, false) AS same_session,
       a.datname IS NOT DISTINCT FROM current_database() AS this_database,
       c.read_only,
       ($4::text IS NULL OR $4::text = a.datname) AS confirmed,
       CASE WHEN a.backend_start = $2::timestamptz
                 AND ($3::bool OR a.datname = current_database())
                 AND NOT c.read_only
                 AND ($4::text IS NULL OR $4::text = a.datname)
            THEN pg_terminate_backend(a.pid) END AS signalled
FROM pg_stat_activity a,
     LATERAL (SELECT current_setting('default_transaction_read_only') = 'on'
                  OR current_setting('transaction_read_only') = 'on' AS read_only) c
WHERE a.pid = $1::int
  -- backend_type is null where the role may not see the session's details (start_hidden)
  AND (a.backend_type = 'client backend' OR a.backend_type IS NULL)
