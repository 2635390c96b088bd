-- search_path = pg_catalog, pg_temp for the engine's own ledger statements, which follow it:
-- a role whose search_path puts a schema before pg_catalog (its own now(), set_config, text or
-- =) would otherwise have the engine call them, or bind the ledger's defaults to them for good
-- (Ledger::upgrade, before ledger_create.sql). For this transaction only (is_local), and the
-- value in effect is kept in uaip.ledger_search_path (also for this transaction only) for
-- ledger_unpin_search_path.sql, sent right after the ledger's statements: what runs after them
-- in the transaction (a deferred trigger at COMMIT) resolves names as before.
-- Every transaction that writes the ledger sends this, so it is also where its COMMIT is made
-- to wait for the WAL flush: a server (or role, or database) running synchronous_commit = off
-- would otherwise answer COMMIT before the step is durable, and a crash right after an "ok"
-- lose it. Only 'off' is raised (to 'on'), for this transaction only; 'local', 'remote_write'
-- and 'remote_apply' flush locally already and are kept as configured.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true),
       CASE WHEN pg_catalog.current_setting('synchronous_commit') OPERATOR(pg_catalog.=) 'off'
            THEN pg_catalog.set_config('synchronous_commit', 'on', true) END
FROM (SELECT pg_catalog.set_config('uaip.ledger_search_path',
                                   pg_catalog.current_setting('search_path'), true)
      OFFSET 0) AS saved
