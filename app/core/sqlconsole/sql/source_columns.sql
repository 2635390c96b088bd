-- The columns of table $1.$2 (schema, name) that an INSERT may not write as they are, for "Copy
-- as SQL INSERT": generated columns (attgenerated 's', or 'v': virtual, PostgreSQL 18) take no
-- value at all, identity columns GENERATED ALWAYS (attidentity 'a') take one only with
-- OVERRIDING SYSTEM VALUE.
SELECT a.attname, a.attgenerated::text AS generated, a.attidentity::text AS identity
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
   AND (a.attgenerated <> '' OR a.attidentity = 'a')
 ORDER BY a.attnum
