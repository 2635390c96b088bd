-- The invalid indexes on the tables a CONCURRENTLY index command works on ($1: the relations as
-- the statement writes them, a text[], resolved with to_regclass; an index stands for its
-- table): what a failed CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY leaves behind.
SELECT DISTINCT n.nspname, c.relname
FROM pg_catalog.unnest($1::pg_catalog.text[]) AS x(name)
CROSS JOIN LATERAL (SELECT pg_catalog.to_regclass(x.name) AS oid) AS r
LEFT JOIN pg_catalog.pg_index AS own ON own.indexrelid OPERATOR(pg_catalog.=) r.oid
JOIN pg_catalog.pg_index AS i
  ON i.indrelid OPERATOR(pg_catalog.=) COALESCE(own.indrelid, r.oid) AND NOT i.indisvalid
JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid
JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
ORDER BY 1, 2
