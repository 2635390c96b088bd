-- Whether a table or view a contract of an online change names is there before the run ($1: its
-- name with every part quoted, resolved with the session's search_path, as the contract resolves
-- it). None of them there: the run makes them, so no application can use them yet.
SELECT pg_catalog.to_regclass($1::pg_catalog.text) IS NOT NULL AS present
