-- Live sizes of the relations a lock forecast names. $1: their names as a statement writes them
-- (a text[]), each resolved as the statement would resolve it (to_regclass, with the session's
-- search_path); a name that resolves to nothing gives no row. The numbers are those of the table
-- the lock falls on: an index's table, and the sum over the table and every table that inherits
-- from it (the leaf partitions of a partitioned table, the children of an inheritance parent: an
-- ALTER TABLE without ONLY reaches them all). rows_unknown: one of them was never vacuumed or analyzed (reltuples -1), so
-- row_estimate counts only the others. partitioned: the table is a partitioned table (no
-- CREATE INDEX CONCURRENTLY on it, no NOT VALID foreign key).
SELECT n.name,
       r.oid::pg_catalog.regclass::pg_catalog.text AS resolved,
       t.oid::pg_catalog.regclass::pg_catalog.text AS table_name,
       COALESCE(s.row_estimate, 0) AS row_estimate,
       COALESCE(s.rows_unknown, false) AS rows_unknown,
       COALESCE(s.total_bytes, 0) AS total_bytes,
       COALESCE((SELECT p.relkind OPERATOR(pg_catalog.=) 'p' FROM pg_catalog.pg_class AS p
                 WHERE p.oid OPERATOR(pg_catalog.=) t.oid), false) AS partitioned
FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS n(name, position)
CROSS JOIN LATERAL (SELECT pg_catalog.to_regclass(n.name) AS oid) AS r
LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid OPERATOR(pg_catalog.=) r.oid
CROSS JOIN LATERAL (SELECT COALESCE(i.indrelid, r.oid) AS oid) AS t
CROSS JOIN LATERAL (
    SELECT pg_catalog.round(pg_catalog.sum(GREATEST(c.reltuples, 0)))::bigint AS row_estimate,
           pg_catalog.bool_or(c.reltuples OPERATOR(pg_catalog.<) 0) AS rows_unknown,
           pg_catalog.sum(pg_catalog.pg_total_relation_size(c.oid))::bigint AS total_bytes
    FROM (WITH RECURSIVE tree(relid) AS (
              SELECT t.oid
              UNION
              SELECT h.inhrelid FROM pg_catalog.pg_inherits AS h
              JOIN tree ON h.inhparent OPERATOR(pg_catalog.=) tree.relid)
          SELECT tree.relid FROM tree) AS leaf
    JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) leaf.relid
    WHERE c.relkind OPERATOR(pg_catalog.<>) 'p'
) AS s
WHERE r.oid IS NOT NULL
ORDER BY n.position
