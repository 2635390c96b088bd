-- search_path = pg_catalog, pg_temp for the rest of this transaction: the contract gate's reads
-- of pg_stat_statements and the online baselines' statements resolve no name through a schema
-- the role's search_path puts first.
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)
