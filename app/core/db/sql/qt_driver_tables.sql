-- The tables or views for the Qt SQL driver (PgSqlDriver::tables): $1 the relation kinds
-- wanted ('{r,p}' tables, '{v,m}' views), $2 whether the system schemas' too. A table of the
-- public schema by its name, any other as schema.name.
SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind::text = ANY ($1::text[])
  AND ($2::boolean = (n.nspname IN ('pg_catalog', 'information_schema')))
  AND n.nspname !~ '^pg_toast'
  AND n.nspname !~ '^pg_temp'
ORDER BY 1
