-- Before a progress row of a no-transaction run (in its own transaction, after
-- BEGIN READ WRITE and SET LOCAL SESSION AUTHORIZATION DEFAULT): the runner's timeouts for this
-- transaction only, whatever the script SET for its later statements (transaction_timeout too,
-- PostgreSQL 17+). $1 = lock_timeout.
SELECT pg_catalog.set_config('lock_timeout', $1, true),
       pg_catalog.set_config('statement_timeout', '0', true),
       pg_catalog.set_config('idle_in_transaction_session_timeout', '0', true),
       CASE WHEN pg_catalog.current_setting('server_version_num')::int OPERATOR(pg_catalog.>=) 170000
            THEN pg_catalog.set_config('transaction_timeout', '0', true)
       END
