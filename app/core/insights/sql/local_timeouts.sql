-- For the rest of this transaction only: wait at most $1 for a lock (a table being changed
-- is left alone rather than waited on) and run each statement at most $2 (a statement planned
-- for advice that calls a slow function gives up).
SELECT pg_catalog.set_config('lock_timeout', $1, true),
       pg_catalog.set_config('statement_timeout', $2, true)
