-- The scratch databases kept for the next proof over the same migrations (ScratchDatabase::
-- keepFor), no session connected to them: uaip_kept_<second kept, 8 hex digits>_<key, 16 hex
-- digits>; $1: the key, or NULL for every one.
SELECT d.datname::text AS datname
FROM pg_catalog.pg_database d
WHERE d.datname ~ '^uaip_kept_[0-9a-f]{8}_[0-9a-f]{16}$'
  AND ($1::text IS NULL OR right(d.datname::text, 16) = $1::text)
  -- an autovacuum worker visiting it is no user: taking it (a rename) ends the worker
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid
                    AND a.backend_type <> 'autovacuum worker')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
                  WHERE l.locktype = 'object'
                    AND l.classid = 'pg_catalog.pg_database'::pg_catalog.regclass
                    AND l.objid = d.oid
                    -- a session's lock on its database, but the autovacuum worker's
                    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity w
                                    WHERE w.pid = l.pid
                                      AND w.backend_type = 'autovacuum worker'))
ORDER BY d.datname DESC
