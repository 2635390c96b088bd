-- The schema and name of a table by OID (the table every column of a result comes from, for
-- "Copy as SQL INSERT").
SELECT n.nspname, c.relname
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.oid = $1
