-- The transaction's id, taken at its start: a COMMIT whose answer was lost is settled with
-- txid_status() on a new connection.
SELECT pg_catalog.txid_current()
