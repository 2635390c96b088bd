-- Behind a connection pooler: the migration lock for this transaction only, taken first in
-- every transaction that writes the ledger or runs a migration. A pooled server session can
-- never keep it: it ends with the COMMIT or ROLLBACK, or when the session does. Waits at most
-- the lock_timeout set (SET LOCAL) right before it.
SELECT pg_catalog.pg_advisory_xact_lock($1::int, $2::int)
