-- search_path = pg_catalog, pg_temp for the rest of this transaction only (is_local): sent right
-- before the engine's own ledger statements, which are the last of their transaction (after a
-- migration's body, its session reset and the lock check; in a write of its own), and in the
-- transaction that creates or upgrades the ledger (Ledger::upgrade) before ledger_create.sql.
-- A role whose search_path puts a schema before pg_catalog (its own now(), set_config, text or
-- =) would otherwise have the engine call them, or bind the ledger's defaults to them for good.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)
