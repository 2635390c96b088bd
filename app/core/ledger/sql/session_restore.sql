-- After the session reset (session_reset_all.sql, CLOSE ALL, UNLISTEN *, DISCARD TEMP): the
-- runner's own settings for the rest of the run. $1 = lock_timeout, $3 = statement_timeout
-- ('': the role's or database's own, as RESET ALL left it; else the runner's, and then no
-- transaction_timeout of the role's or database's either, PostgreSQL 17+); PostgreSQL 14+ also
-- notices a dead client within a second. $2: for this transaction only (behind a connection
-- pooler, whose next client may get this server session: nothing of the runner's may stay).
-- And what no reset command can undo without undoing the runner's own: a prepared statement the
-- migration made with SQL (a PREPARE through EXECUTE in a function; the runner's and its
-- client's are made by the protocol, from_sql false) fails the migration, named.
SELECT pg_catalog.set_config('lock_timeout', $1, $2::boolean),
       CASE WHEN $3::pg_catalog.text OPERATOR(pg_catalog.<>) ''
            THEN pg_catalog.set_config('statement_timeout', $3, $2::boolean)
       END,
       CASE WHEN $3::pg_catalog.text OPERATOR(pg_catalog.<>) ''
                 AND pg_catalog.current_setting('server_version_num')::int OPERATOR(pg_catalog.>=) 170000
            THEN pg_catalog.set_config('transaction_timeout', '0', $2::boolean)
       END,
       CASE WHEN pg_catalog.current_setting('server_version_num')::int OPERATOR(pg_catalog.>=) 140000
            THEN pg_catalog.set_config('client_connection_check_interval', '1000', $2::boolean)
       END,
       (SELECT uaip_ledger.fail('it left prepared statement(s) '
                                OPERATOR(pg_catalog.||) pg_catalog.string_agg(pg_catalog.quote_ident(name), ', '
                                                         ORDER BY name)
                                OPERATOR(pg_catalog.||) ' in the session (a PREPARE through EXECUTE?): they would '
                                OPERATOR(pg_catalog.||) 'outlive the migration; DEALLOCATE them in it')
        FROM pg_catalog.pg_prepared_statements
        WHERE from_sql
        HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0)
