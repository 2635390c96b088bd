-- search_path = pg_catalog, pg_temp for the engine's own ledger statements, which follow it:
-- a role whose search_path puts a schema before pg_catalog (its own now(), set_config, text or
-- =) would otherwise have the engine call them, or bind the ledger's defaults to them for good
-- (Ledger::upgrade, before ledger_create.sql). For this transaction only (is_local), and the
-- value in effect is kept in uaip.ledger_search_path (also for this transaction only) for
-- ledger_unpin_search_path.sql, sent right after the ledger's statements: what runs after them
-- in the transaction (a deferred trigger at COMMIT) resolves names as before.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)
FROM (SELECT pg_catalog.set_config('uaip.ledger_search_path',
                                   pg_catalog.current_setting('search_path'), true)
      OFFSET 0) AS saved
