-- A setting for the rest of this transaction, or savepoint, only (SET LOCAL): name, value.
SELECT pg_catalog.set_config($1, $2, true)
