-- Columns of every user table, keyed by table oid and attribute number.
SELECT 'c' || c.oid::text AS table_key,
       'c' || c.oid::text || '.' || a.attnum::text AS key,
       format('%I.%I', n.nspname, c.relname) AS table_name,
       a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS type
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE E'pg\\_temp\\_%'
ORDER BY 3, a.attnum
