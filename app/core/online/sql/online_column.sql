-- The column $2 (unquoted) of the table $1 (oid): its number, its type as format_type writes it
-- (modifiers included), its collation's schema and name where it is not its type's, NOT NULL
-- (proven: not a NOT VALID one, PostgreSQL 18, which only new rows obey), its default
-- (pg_get_expr), identity and generated marks, its comment, and its type's kind
-- (pg_type.typtype: b base, c composite, d domain, e enum, p pseudo, r range, m multirange),
-- and its statistics target (SET STATISTICS; -1: the default).
-- No row: no such column.
SELECT a.attnum, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       cn.nspname AS collation_schema, co.collname AS collation_name,
       a.attnotnull AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS nn
                                    WHERE nn.conrelid OPERATOR(pg_catalog.=) a.attrelid
                                      AND nn.contype OPERATOR(pg_catalog.=) 'n'
                                      AND nn.conkey OPERATOR(pg_catalog.=) ARRAY[a.attnum]
                                      AND NOT nn.convalidated) AS attnotnull,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity,
       a.attgenerated, pg_catalog.col_description(a.attrelid, a.attnum) AS comment, t.typtype,
       COALESCE(a.attstattarget::pg_catalog.int4, -1) AS stattarget
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_type AS t ON t.oid OPERATOR(pg_catalog.=) a.atttypid
LEFT JOIN pg_catalog.pg_attrdef AS d
  ON d.adrelid OPERATOR(pg_catalog.=) a.attrelid AND d.adnum OPERATOR(pg_catalog.=) a.attnum
LEFT JOIN pg_catalog.pg_collation AS co
  ON co.oid OPERATOR(pg_catalog.=) a.attcollation
 AND a.attcollation OPERATOR(pg_catalog.<>) t.typcollation
LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid OPERATOR(pg_catalog.=) co.collnamespace
WHERE a.attrelid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
  AND a.attname OPERATOR(pg_catalog.=) $2::pg_catalog.text
  AND a.attnum OPERATOR(pg_catalog.>) 0
  AND NOT a.attisdropped
