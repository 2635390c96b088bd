-- The columns of a table or view for the Qt SQL driver (PgSqlDriver::record), in their order:
-- name, type OID, type modifier, NOT NULL, default. $1: the relation's name as Qt passes it
-- (schema-qualified or not, quoted where needed), read as SQL reads a name (to_regclass).
SELECT a.attname, a.atttypid, a.atttypmod, a.attnotnull,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid)
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = pg_catalog.to_regclass($1)
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
