-- The tables of the given names ($1, one per line) in the schemas of the search path, first
-- schema first, with their columns as "name type" (format_type), a JSON array in column order
-- (a column's name may hold a line break): the detector compares them with each tool's shape
-- (its columns first, in its order).
SELECT n.nspname AS schema_name, c.relname AS table_name,
       pg_catalog.json_agg(a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                           ORDER BY a.attnum)::text AS columns
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute AS a
  ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (pg_catalog.current_schemas(false))
  AND c.relname = ANY (pg_catalog.string_to_array($1::text, E'\n'))
GROUP BY n.nspname, c.relname
ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(false), n.nspname::text), c.relname
