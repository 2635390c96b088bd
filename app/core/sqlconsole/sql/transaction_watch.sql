-- What the server process $1 holds, read from another session: since when its transaction is
-- open and its state idle, the first 20 locks it was granted on user relations of this
-- database with their count, and the processes that wait for one of its locks
-- (pg_blocking_pids), with the lock each waits for. pg_locks is read once (pg_lock_status takes
-- every lock partition's lock: with 100,000 locks a scan costs ~100 ms); the JSON is capped.
WITH locks AS MATERIALIZED (
    SELECT l.pid, l.granted, l.locktype, l.mode, l.relation, l.database, l.transactionid::text
               AS xid, l.classid, l.objid
      FROM pg_catalog.pg_locks l
     WHERE l.pid = $1 OR NOT l.granted),
mine AS (
    SELECT l.mode, l.relation::pg_catalog.regclass::text AS relation
      FROM locks l
      JOIN pg_catalog.pg_class c ON c.oid = l.relation
      JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid AND l.database = a.datid
     WHERE l.pid = $1 AND l.granted AND l.locktype = 'relation' AND c.oid >= 16384
       AND c.relkind IN ('r', 'p', 'm', 'v', 'f')),
waiting AS (
    SELECT w.pid, w.mode, w.locktype, coalesce(w.relation::pg_catalog.regclass::text, '')
               AS relation, coalesce(w.xid, '') AS xid
      FROM locks w
     WHERE NOT w.granted AND w.pid <> $1
       AND $1 = ANY (pg_catalog.pg_blocking_pids(w.pid)))
SELECT a.xact_start IS NOT NULL AS open,
       extract(epoch FROM pg_catalog.clock_timestamp() - a.xact_start)::float8 AS age_s,
       extract(epoch FROM pg_catalog.clock_timestamp() - a.state_change)::float8 AS idle_s,
       coalesce(a.state, '') AS state,
       coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object('mode', m.mode,
                                                                       'relation', m.relation)
                                            ORDER BY m.relation, m.mode)
                   FROM (SELECT * FROM mine ORDER BY relation, mode LIMIT 20) m), '[]')::text
           AS locks,
       (SELECT count(*) FROM mine) AS lock_count,
       coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                            'pid', w.pid, 'mode', w.mode, 'locktype', w.locktype,
                            'relation', w.relation, 'xid', w.xid) ORDER BY w.pid)
                   FROM waiting w), '[]')::text AS waiters
  FROM pg_catalog.pg_stat_activity a
 WHERE a.pid = $1
