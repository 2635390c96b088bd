-- Whether the table a batched statement walks is there now ($1: its name with every part
-- quoted, resolved with the session's search_path, as the statement resolves it).
SELECT pg_catalog.to_regclass($1::pg_catalog.text) IS NOT NULL AS present
