-- Whether a database of this name exists (the screenshot mode's demo tenants).
SELECT count(*) FROM pg_catalog.pg_database WHERE datname = $1
