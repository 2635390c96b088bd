-- How far the DROP DATABASE of the scratch database $1 that session $2 was sent (ScratchDatabase,
-- not waited for) has got: 'started' once no session of the database can act any more: it is
-- gone, or the drop holds its lock (which keeps new sessions out until the drop commits) and no
-- session is connected to it; 'failed' when the session has ended and the database is still
-- there; else 'waiting'.
WITH db AS (
    SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = $1
)
SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM db)
                 OR (EXISTS (SELECT 1 FROM pg_catalog.pg_locks l, db
                             WHERE l.pid = $2 AND l.granted AND l.locktype = 'object'
                               AND l.classid = 'pg_catalog.pg_database'::pg_catalog.regclass
                               AND l.objid = db.oid AND l.mode = 'AccessExclusiveLock')
                     AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a, db
                                     WHERE a.datid = db.oid))
            THEN 'started'
            WHEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.pid = $2)
            THEN 'failed'
            ELSE 'waiting'
       END AS progress
