-- Per waiting session: the lock it waits for (locktype, mode), the relation it is about
-- (the lock's own, else a tuple or relation lock the waiter holds: a row waiter waits on the
-- holder's transaction id, its tuple lock names the table), how long it has waited (ms), and
-- whether it waits for the console's migration lock ($1 classid, $2 objid).
SELECT w.pid,
       w.locktype,
       w.mode,
       coalesce(
           (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid = coalesce(w.relation,
                                   (SELECT h.relation FROM pg_locks h
                                    WHERE h.pid = w.pid AND h.granted AND h.relation IS NOT NULL
                                      AND h.locktype IN ('tuple', 'relation')
                                      AND h.mode NOT IN ('AccessShareLock')
                                    ORDER BY h.locktype = 'tuple' DESC
                                    LIMIT 1))),
           '') AS relation,
       (extract(epoch FROM clock_timestamp() - coalesce(w.waitstart, a.query_start)) * 1000)::bigint
           AS waited_ms,
       (w.locktype = 'advisory' AND w.classid = $1::int::oid AND w.objid = $2::int::oid
        AND w.objsubid = 2) AS migration_lock
FROM pg_locks w
JOIN pg_stat_activity a ON a.pid = w.pid
WHERE NOT w.granted
ORDER BY w.pid
