-- The primary key of a table for the Qt SQL driver (PgSqlDriver::primaryIndex): its name, and
-- each column's name and type OID in the key's order. $1: the table's name as Qt passes it.
SELECT c.relname, a.attname, a.atttypid
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, position)
JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
WHERE i.indrelid = pg_catalog.to_regclass($1)
  AND i.indisprimary
ORDER BY k.position
