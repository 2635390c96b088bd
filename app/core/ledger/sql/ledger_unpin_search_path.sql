-- After the ledger's statements: the search_path in effect before ledger_pin_search_path.sql
-- again, for the rest of the transaction (a deferred trigger of the migration fires at COMMIT).
SELECT pg_catalog.set_config('search_path',
                             pg_catalog.current_setting('uaip.ledger_search_path'), true)
