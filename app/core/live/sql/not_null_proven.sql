-- SET NOT NULL spared its scan: of the (relation, column) pairs ($1, $2: parallel text[]; the
-- relation as a statement writes it, resolved with to_regclass; the column as written, unquoted),
-- those whose table has a validated CHECK constraint (column IS NOT NULL), which PostgreSQL takes
-- as proof instead of scanning the table (ALTER TABLE ... SET NOT NULL, PostgreSQL 12 and later).
-- The constraint is matched as the server prints it (pg_get_constraintdef).
SELECT n.name, n.col
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[]))
     AS n(name, col)
WHERE EXISTS (
    SELECT FROM pg_catalog.pg_constraint AS c
    WHERE c.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(n.name)
      AND c.contype OPERATOR(pg_catalog.=) 'c'
      AND c.convalidated
      AND pg_catalog.pg_get_constraintdef(c.oid) OPERATOR(pg_catalog.=)
          pg_catalog.concat('CHECK ((', pg_catalog.quote_ident(n.col), ' IS NOT NULL))'))
