-- Behind a connection pooler, right after lock_xact.sql in the same transaction (so its
-- snapshot, taken after the lock was granted, sees every run that committed before): the steps
-- this transaction is about to run must still be to do, and the ledger must hold exactly the
-- rows this run left it with. $1: the steps' ledger versions, a JSON array; $2: true for an
-- apply (no row yet), false for a rollback (an applied row); $4: the versions of every ledger
-- row as this run expects them, a JSON array. Otherwise another run did a step meanwhile (one
-- of this plan, or any other: an up between the steps of a down): this fails with a fixed
-- text, nothing of the transaction runs, and the runner reads the ledger again and decides
-- whether it may go on. Also sets the migrations' lock_timeout ($3) and statement_timeout ($5,
-- '': none of the runner's; else no transaction_timeout either, PostgreSQL 17+, as
-- session_restore.sql) for this transaction only:
-- nothing is set for the session, which the pooler may give to another client next.
SELECT pg_catalog.set_config('lock_timeout', $3, true),
       CASE WHEN $5::pg_catalog.text OPERATOR(pg_catalog.<>) ''
            THEN pg_catalog.set_config('statement_timeout', $5, true)
       END,
       CASE WHEN $5::pg_catalog.text OPERATOR(pg_catalog.<>) ''
                 AND pg_catalog.current_setting('server_version_num')::int OPERATOR(pg_catalog.>=) 170000
            THEN pg_catalog.set_config('transaction_timeout', '0', true)
       END,
       CASE WHEN EXISTS (
                SELECT FROM pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb) AS s(version)
                LEFT JOIN uaip_ledger.uaip_schema_migrations m ON m.version OPERATOR(pg_catalog.=) s.version
                WHERE CASE WHEN $2::boolean THEN m.version IS NOT NULL
                           ELSE m.version IS NULL OR m.state OPERATOR(pg_catalog.<>) 'applied' END)
              OR EXISTS (
                SELECT FROM uaip_ledger.uaip_schema_migrations m
                FULL JOIN pg_catalog.jsonb_array_elements_text($4::pg_catalog.jsonb) AS e(version)
                  ON m.version OPERATOR(pg_catalog.=) e.version
                WHERE m.version IS NULL OR e.version IS NULL)
            THEN uaip_ledger.fail('uaip-migrate:plan-changed')
       END
