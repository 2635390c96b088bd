-- The primary key a batched statement (uaip:batch) walks its table by, in key order: each
-- column's name, its name quoted, its type as SQL spells it, and the table's name quoted and
-- schema-qualified. $1: the table as the statement writes it (resolved through this session's
-- search_path, as the statement is). No row: the table has no primary key (or is not there).
SELECT a.attname AS name,
       pg_catalog.quote_ident(a.attname) AS quoted,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       pg_catalog.quote_ident(n.nspname) OPERATOR(pg_catalog.||) '.'
           OPERATOR(pg_catalog.||) pg_catalog.quote_ident(c.relname) AS relation
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a
  ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) k.attnum
WHERE i.indrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1::pg_catalog.text)
  AND i.indisprimary
ORDER BY k.ord
