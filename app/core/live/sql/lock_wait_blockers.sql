-- What a migration's session ($1, its pid) waits for right now, read by a second session while it
-- waits (LockWaitWatch): the lock it has not been granted (a table's; a row's, as the transaction
-- that holds the row, and the table of the row; an older transaction a concurrent index build
-- waits out, as its virtual transaction), and, one row each, the sessions pg_blocking_pids names
-- for it, with the lock each holds on that object. A session queued behind the migration (whose
-- own blockers include $1) is never one. No row: it waits for no lock. Oldest transaction first,
-- at most 10. A prepared transaction (PREPARE TRANSACTION) holds its locks without a session:
-- pg_blocking_pids names it as pid 0, and its locks have no pid: each one found so is a row with
-- its gid, owner, database and prepared time (pg_prepared_xacts). hidden: this role may not see the session's state and query (another
-- role's session, without pg_read_all_stats: '<insufficient privilege>').
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
       coalesce(a.usename, px.owner::pg_catalog.text, '') AS usename,
       coalesce(a.application_name, '') AS application_name,
       coalesce(a.state, '') AS state,
       coalesce((pg_catalog.date_part('epoch', pg_catalog.now() OPERATOR(pg_catalog.-)
                                               coalesce(a.xact_start, px.prepared))
                 OPERATOR(pg_catalog.*) 1000)::bigint, -1) AS xact_ms,
       coalesce(pg_catalog.to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                '') AS query_start,
       coalesce(h.mode, ph.mode, '') AS mode,
       coalesce(h.granted, ph.granted, true) AS granted,
       coalesce(a.query OPERATOR(pg_catalog.=) '<insufficient privilege>', false) AS hidden,
       coalesce(px.gid, '') AS gid,
       coalesce(px.database::pg_catalog.text, '') AS prepared_database,
       coalesce(pg_catalog.to_char(px.prepared AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                '') AS prepared_at
FROM (SELECT l.locktype, l.database, l.relation, l.page, l.tuple, l.transactionid, l.virtualxid,
             l.classid, l.objid, l.objsubid, l.mode
      FROM pg_catalog.pg_locks AS l
      WHERE l.pid OPERATOR(pg_catalog.=) $1::pg_catalog.int4 AND NOT l.granted
      LIMIT 1) AS w
LEFT JOIN LATERAL (SELECT DISTINCT p.pid
                   FROM pg_catalog.unnest(pg_catalog.pg_blocking_pids($1::pg_catalog.int4)) AS p(pid)
                   WHERE NOT $1::pg_catalog.int4 OPERATOR(pg_catalog.=)
                             ANY (pg_catalog.pg_blocking_pids(p.pid))) AS b ON true
LEFT JOIN pg_catalog.pg_stat_activity AS a ON a.pid OPERATOR(pg_catalog.=) b.pid
-- a session's lock on the object it waits for
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
-- pid 0: each prepared transaction's lock on it (no pid)
LEFT JOIN LATERAL (SELECT DISTINCT ON (o.virtualtransaction) o.mode, o.granted,
                          o.virtualtransaction
                   FROM pg_catalog.pg_locks AS o
                   WHERE b.pid OPERATOR(pg_catalog.=) 0 AND o.pid IS NULL
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
                   ORDER BY o.virtualtransaction, o.granted DESC) AS ph ON true
-- a prepared transaction's locks have no pid; their virtual transaction also holds its own
-- transaction id's ExclusiveLock, which names it in pg_prepared_xacts
LEFT JOIN LATERAL (SELECT x.transactionid
                   FROM pg_catalog.pg_locks AS x
                   WHERE ph.virtualtransaction IS NOT NULL AND x.pid IS NULL
                     AND x.locktype OPERATOR(pg_catalog.=) 'transactionid'
                     AND x.mode OPERATOR(pg_catalog.=) 'ExclusiveLock'
                     AND x.virtualtransaction OPERATOR(pg_catalog.=) ph.virtualtransaction
                   LIMIT 1) AS own ON true
LEFT JOIN pg_catalog.pg_prepared_xacts AS px
  ON px.transaction OPERATOR(pg_catalog.=) own.transactionid
ORDER BY coalesce(a.xact_start, px.prepared) NULLS LAST, b.pid, px.gid
LIMIT 10
