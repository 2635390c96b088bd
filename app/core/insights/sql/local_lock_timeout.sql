-- For the rest of this transaction only: wait at most $1 for a lock (a table or index being
-- changed is left alone rather than waited on).
SELECT pg_catalog.set_config('lock_timeout', $1, true)
