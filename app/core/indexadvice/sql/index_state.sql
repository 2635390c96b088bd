-- The index named $2 in schema $1 (IndexMigrationBuilder's proof): its table, whether it is
-- valid, its definition and the snapshot's name for it; no row when there is none.
SELECT t.relname::text AS table_name,
       i.indisvalid AS valid,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       pg_catalog.format('index %I.%I', n.nspname, c.relname) AS snapshot_object
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
WHERE n.nspname = $1 AND c.relname = $2
