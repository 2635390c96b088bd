-- What a migration's session ($1, its pid) waits for right now, read by a second session while it
-- waits (LockWaitWatch): the lock it has not been granted (a table's; a row's, as the transaction
-- that holds the row, and the table of the row; an older transaction a concurrent index build
-- waits out, as its virtual transaction), and, one row each, the sessions pg_blocking_pids names
-- for it, with the lock each holds on that object. A session queued behind the migration (whose
-- own blockers include $1) is never one. No row: it waits for no lock. Oldest transaction first,
-- at most 10.
SELECT w.locktype,
       coalesce(w.relation::pg_catalog.regclass::pg_catalog.text, '') AS relation,
       w.mode AS wait_mode,
       coalesce(w.transactionid::pg_catalog.text, '') AS transactionid,
       coalesce(w.virtualxid, '') AS virtualxid,
       coalesce((SELECT t.relation::pg_catalog.regclass::pg_catalog.text
                 FROM pg_catalog.pg_locks AS t
                 WHERE t.pid OPERATOR(pg_catalog.=) $1::pg_catalog.int4
                   AND t.locktype OPERATOR(pg_catalog.=) 'tuple'
                 LIMIT 1), '') AS row_relation,
       b.pid,
       coalesce(a.usename, '') AS usename,
       coalesce(a.application_name, '') AS application_name,
       coalesce(a.state, '') AS state,
       coalesce((pg_catalog.date_part('epoch', pg_catalog.now() OPERATOR(pg_catalog.-) a.xact_start)
                 OPERATOR(pg_catalog.*) 1000)::bigint, -1) AS xact_ms,
       coalesce(pg_catalog.to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                '') AS query_start,
       coalesce(h.mode, '') AS mode,
       coalesce(h.granted, true) AS granted
FROM (SELECT l.locktype, l.database, l.relation, l.page, l.tuple, l.transactionid, l.virtualxid,
             l.classid, l.objid, l.objsubid, l.mode
      FROM pg_catalog.pg_locks AS l
      WHERE l.pid OPERATOR(pg_catalog.=) $1::pg_catalog.int4 AND NOT l.granted
      LIMIT 1) AS w
LEFT JOIN LATERAL (SELECT p.pid
                   FROM pg_catalog.unnest(pg_catalog.pg_blocking_pids($1::pg_catalog.int4)) AS p(pid)
                   WHERE NOT $1::pg_catalog.int4 OPERATOR(pg_catalog.=)
                             ANY (pg_catalog.pg_blocking_pids(p.pid))) AS b ON true
LEFT JOIN pg_catalog.pg_stat_activity AS a ON a.pid OPERATOR(pg_catalog.=) b.pid
LEFT JOIN LATERAL (SELECT o.mode, o.granted
                   FROM pg_catalog.pg_locks AS o
                   WHERE o.pid OPERATOR(pg_catalog.=) b.pid
                     AND o.locktype OPERATOR(pg_catalog.=) w.locktype
                     AND o.database IS NOT DISTINCT FROM w.database
                     AND o.relation IS NOT DISTINCT FROM w.relation
                     AND o.page IS NOT DISTINCT FROM w.page
                     AND o.tuple IS NOT DISTINCT FROM w.tuple
                     AND o.transactionid IS NOT DISTINCT FROM w.transactionid
                     AND o.virtualxid IS NOT DISTINCT FROM w.virtualxid
                     AND o.classid IS NOT DISTINCT FROM w.classid
                     AND o.objid IS NOT DISTINCT FROM w.objid
                     AND o.objsubid IS NOT DISTINCT FROM w.objsubid
                   ORDER BY o.granted DESC
                   LIMIT 1) AS h ON true
ORDER BY a.xact_start NULLS LAST, b.pid
LIMIT 10
