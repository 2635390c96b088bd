-- Constraints of relation $1.$2 (schema, name) and the unique indexes that are not constraints, each
-- with its columns in key order (JSON array); for foreign keys also the referenced table and
-- columns. Used for the primary key, the foreign keys and to map a server error's constraint
-- name back to columns. A column's NOT NULL (PostgreSQL 18 keeps it as a constraint of kind 'n')
-- is the column's, not listed.
WITH rel AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2)
SELECT c.conname AS name,
       c.contype::text AS kind,
       (SELECT json_agg(a.attname ORDER BY k.ord)
        FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
       fn.nspname AS ref_schema,
       fc.relname AS ref_table,
       (SELECT json_agg(a.attname ORDER BY k.ord)
        FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
FROM pg_constraint c
LEFT JOIN pg_class fc ON fc.oid = c.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE c.conrelid = (SELECT oid FROM rel) AND c.contype <> 'n'
UNION ALL
SELECT ic.relname, 'i',
       (SELECT json_agg(a.attname ORDER BY k.ord)
        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum),
       NULL, NULL, NULL
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE i.indrelid = (SELECT oid FROM rel) AND i.indisunique
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                  AND c.conrelid = i.indrelid)
ORDER BY 1
