-- The invalid indexes that a migration's CREATE INDEX CONCURRENTLY statements leave when they
-- stop part-way (kill -9, a lost connection, a cancel): $1 their tables as written (a text[],
-- resolved with to_regclass), $2 parallel to it, the names they give the indexes, unquoted; an
-- empty name (PostgreSQL chose it) stands for any invalid index of that table. Each with the
-- table it is on, both schema-qualified and quoted where needed.
SELECT DISTINCT
       pg_catalog.quote_ident(n.nspname) OPERATOR(pg_catalog.||) '.'
           OPERATOR(pg_catalog.||) pg_catalog.quote_ident(c.relname) AS index_name,
       pg_catalog.quote_ident(tn.nspname) OPERATOR(pg_catalog.||) '.'
           OPERATOR(pg_catalog.||) pg_catalog.quote_ident(tc.relname) AS table_name
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[]))
     AS x(name, index_name)
CROSS JOIN LATERAL (SELECT pg_catalog.to_regclass(x.name) AS oid) AS t
JOIN pg_catalog.pg_index AS i
  ON i.indrelid OPERATOR(pg_catalog.=) t.oid AND NOT i.indisvalid
JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
JOIN pg_catalog.pg_class AS tc ON tc.oid OPERATOR(pg_catalog.=) t.oid
JOIN pg_catalog.pg_namespace AS tn ON tn.oid OPERATOR(pg_catalog.=) tc.relnamespace
WHERE x.index_name OPERATOR(pg_catalog.=) '' OR c.relname OPERATOR(pg_catalog.=) x.index_name
ORDER BY 1, 2
