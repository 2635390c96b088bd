-- First in the transaction that creates or upgrades the ledger (Ledger::upgrade): its
-- idempotent steps (DROP CONSTRAINT IF EXISTS of constraints a new ledger never had) send no
-- NOTICEs, which a first run would print among its migrations. For that transaction only.
SELECT pg_catalog.set_config('client_min_messages', 'warning', true)
