-- The tables of the given names ($1, one per line) in the schemas of the search path, first
-- schema first, with their columns as "name type" (format_type), one per line in column order:
-- the detector compares them with each tool's exact shape.
SELECT n.nspname AS schema_name, c.relname AS table_name,
       string_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), E'\n'
                  ORDER BY a.attnum) AS columns
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute AS a
  ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (pg_catalog.current_schemas(false))
  AND c.relname = ANY (pg_catalog.string_to_array($1::text, E'\n'))
GROUP BY n.nspname, c.relname
ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(false), n.nspname::text), c.relname
