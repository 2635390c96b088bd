-- Back to pg_catalog's names only for the rest of this transaction, after a statement of the
-- workload was resolved or prepared under its role's search_path; notices of the insights' own
-- statements (a table already there) kept from the client.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true),
       pg_catalog.set_config('client_min_messages', 'warning', true)
