-- The (relation, column) pairs ($1, $2: parallel text[]; the relation as a statement writes it,
-- resolved with to_regclass; the column as written, unquoted) whose column exists and holds one
-- value to IS NOT NULL: not a composite type, nor a domain over another type (a CHECK (column IS
-- NOT NULL) on a composite column tests each of its fields, so it proves nothing to SET NOT NULL,
-- and a domain is not looked into). A pair missing from the result proves nothing.
SELECT n.name, n.col
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[]))
     AS n(name, col)
JOIN pg_catalog.pg_attribute AS a
  ON a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(n.name)
 AND a.attname OPERATOR(pg_catalog.=) n.col
 AND a.attnum OPERATOR(pg_catalog.>) 0
 AND NOT a.attisdropped
JOIN pg_catalog.pg_type AS t ON t.oid OPERATOR(pg_catalog.=) a.atttypid
WHERE t.typtype OPERATOR(pg_catalog.<>) ALL ('{c,d,p}'::"char"[])
