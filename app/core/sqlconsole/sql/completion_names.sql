-- The SQL editor's completion: every schema, table/view and column the user can see
-- (system schemas apart), at most $1 names.
SELECT name FROM (
    SELECT nspname AS name FROM pg_namespace
     WHERE nspname NOT LIKE E'pg\\_%' AND nspname <> 'information_schema'
    UNION
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND n.nspname NOT LIKE E'pg\\_%' AND n.nspname <> 'information_schema'
       AND has_table_privilege(c.oid, 'SELECT')
    UNION
    SELECT a.attname FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
       AND n.nspname NOT LIKE E'pg\\_%' AND n.nspname <> 'information_schema'
) names
ORDER BY name
LIMIT $1
