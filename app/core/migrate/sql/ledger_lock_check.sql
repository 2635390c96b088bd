-- Sent right before every ledger write, in the same transaction: the runner's advisory lock
-- ($1, $2) must still be held by this session. A script that let it go (a function calling
-- pg_advisory_unlock_all, DISCARD ALL) could have let a second runner apply the same
-- migrations meanwhile: then this fails, and the write and the transaction with it.
-- pg_locks copies the server's whole lock table: the runner leaves this out after a script
-- that runs no user code (MigrationScriptRunner::cannotChangeSession, no event trigger).
SELECT CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_locks
                         WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid()
                           AND classid = $1::int::oid AND objid = $2::int::oid
                           AND objsubid = 2 AND granted)
            THEN 1
            ELSE uaip_ledger.fail('the migration lock is not held by this session any more '
                                  '(pg_advisory_unlock or DISCARD ALL in a migration''s SQL?): '
                                  'nothing of this step was recorded, and its transaction was '
                                  'rolled back')
       END
