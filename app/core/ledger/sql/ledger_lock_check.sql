-- Sent right before every ledger write, in the same transaction: the runner's advisory lock
-- ($1, $2) must still be held by this session. A script that let it go (a function calling
-- pg_advisory_unlock_all, DISCARD ALL) could have let a second runner apply the same
-- migrations meanwhile: then this fails, and the write and the transaction with it.
-- With $4, no other session-level advisory lock may be held: one a migration took and kept
-- would outlive it (a no-transaction script's progress rows pass false: it may hold one
-- from one statement to a later one). Each is released here (pg_advisory_unlock returns true only for a
-- session-level lock; a transaction-level one ends with the COMMIT and stays, its WARNING
-- kept quiet) and the migration fails, naming its keys.
-- $3 (not NULL: the run in one transaction had a script without a session reset) fails with
-- that text when an event trigger is enabled: the runner then runs it again with every reset.
-- pg_locks copies the server's whole lock table (once here): the runner leaves this out after
-- a script that runs no user code (MigrationScriptRunner::cannotChangeSession), checking for
-- event triggers instead (ledger_apply.sql).
WITH mine AS MATERIALIZED (
    SELECT classid, objid, objsubid, mode
    FROM pg_catalog.pg_locks
    WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid() AND granted
), kept AS (
    SELECT pg_catalog.string_agg(
               CASE objsubid
                   WHEN 1 THEN ((classid::bigint << 32) | objid::bigint)::text
                   ELSE classid::int::text || ', ' || objid::int::text
               END, '; ' ORDER BY classid, objid) AS keys
    FROM mine
    WHERE $4::boolean
      AND NOT (classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2)
      AND pg_catalog.set_config('client_min_messages', 'error', true) IS NOT NULL
      AND CASE WHEN objsubid = 1 AND mode = 'ShareLock'
               THEN pg_catalog.pg_advisory_unlock_shared((classid::bigint << 32) | objid::bigint)
               WHEN objsubid = 1
               THEN pg_catalog.pg_advisory_unlock((classid::bigint << 32) | objid::bigint)
               WHEN mode = 'ShareLock'
               THEN pg_catalog.pg_advisory_unlock_shared(classid::int, objid::int)
               ELSE pg_catalog.pg_advisory_unlock(classid::int, objid::int)
          END
)
SELECT CASE WHEN $3::text IS NOT NULL
                 AND EXISTS (SELECT FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D')
            THEN uaip_ledger.fail($3::text)
            WHEN NOT EXISTS (SELECT FROM mine
                             WHERE classid = $1::int::oid AND objid = $2::int::oid
                               AND objsubid = 2)
            THEN uaip_ledger.fail('the migration lock is not held by this session any more '
                                  '(pg_advisory_unlock or DISCARD ALL in a migration''s SQL?): '
                                  'nothing of this step was recorded, and its transaction was '
                                  'rolled back')
            WHEN (SELECT keys FROM kept) IS NOT NULL
            THEN uaip_ledger.fail('it took session advisory lock(s) ' || (SELECT keys FROM kept)
                                  || ' and kept them: they would outlive the migration (now '
                                  || 'released); release them in it or use '
                                  || 'pg_advisory_xact_lock')
            ELSE 1
       END
