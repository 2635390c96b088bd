-- In the transaction that creates or upgrades the ledger (Ledger::upgrade), after the first
-- format's tables were found through search_path (ledger_upgrade_move.sql): only pg_catalog
-- from here on, for this transaction. The ledger's defaults, checks and column types are bound
-- when it is created; a role whose search_path puts a schema before pg_catalog (its own now(),
-- text or = there) would otherwise have them bound to its objects for good.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)
