-- For the rest of this transaction only: names found in pg_catalog first and only (a schema of
-- the session's search_path cannot shadow a function or operator of the insights' own SQL),
-- wait at most $1 for a lock (a table being changed is left alone rather than waited on) and
-- run each statement at most $2 (a statement planned for advice that is slow gives up).
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true),
       pg_catalog.set_config('lock_timeout', $1, true),
       pg_catalog.set_config('statement_timeout', $2, true)
