-- Foreign keys in other tables (or this one) that reference relation $1.$2 (schema, name):
-- the referencing table and columns, the columns of $1.$2 they point at (JSON arrays), and
-- what a delete or key update of a referenced row does (confdeltype, confupdtype).
WITH rel AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2)
SELECT c.conname AS name,
       n.nspname AS schema_name,
       r.relname AS table_name,
       (SELECT json_agg(a.attname ORDER BY k.ord)
        FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT json_agg(a.attname ORDER BY k.ord)
        FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns,
       c.confdeltype::text AS on_delete,
       c.confupdtype::text AS on_update
FROM pg_constraint c
JOIN pg_class r ON r.oid = c.conrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE c.confrelid = (SELECT oid FROM rel) AND c.contype = 'f'
ORDER BY n.nspname, r.relname, c.conname
