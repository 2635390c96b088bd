-- The relations of this database an ACCESS EXCLUSIVE lock is held or waited for on (a statement
-- on one cannot be planned: its PREPARE gives up at the insights' lock_timeout), each with the
-- session holding or waiting for it. Read from pg_locks and the catalog only: no lock is taken.
SELECT n.nspname::text AS schemaname,
       c.relname::text AS relname,
       k.pid,
       k.granted
FROM pg_catalog.pg_locks k
JOIN pg_catalog.pg_class c ON c.oid = k.relation
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE k.locktype = 'relation'
  AND k.mode = 'AccessExclusiveLock'
  AND k.pid IS DISTINCT FROM pg_backend_pid()
  AND k.database = (SELECT d.oid FROM pg_catalog.pg_database d
                    WHERE d.datname = current_database())
ORDER BY k.granted DESC, k.pid
