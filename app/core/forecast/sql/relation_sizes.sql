-- Live sizes of the relations a lock forecast names. $1: their names as a statement writes them
-- (a text[]), each resolved as the statement would resolve it (to_regclass, with the session's
-- search_path); a name that resolves to nothing gives no row. $2: a bool[] parallel to $1: an
-- unqualified name marked true comes after the plan set its own search_path, so it is matched
-- in every schema and the biggest table of that name counts. The numbers are those of the table
-- the lock falls on: an index's table, and the sum over the table and every table that inherits
-- from it (the leaf partitions of a partitioned table, the children of an inheritance parent: an
-- ALTER TABLE without ONLY reaches them all).
-- Read from pg_class alone, so another session's lock on the table never makes this wait:
-- row_estimate is reltuples, total_bytes the pages of the heap, its TOAST table and its indexes
-- (as of the last VACUUM, ANALYZE or index build) times the block size. A table never vacuumed
-- or analyzed (reltuples -1) has no such numbers: rows_unknown says so, row_estimate counts
-- only the others, and unknown_bytes is the heap size on disk of those tables
-- (pg_relation_size, the only read that takes ACCESS SHARE on a table). partitioned: the table
-- is a partitioned table (no CREATE INDEX CONCURRENTLY on it, no NOT VALID foreign key).
SELECT DISTINCT ON (n.position)
       n.name,
       r.oid::pg_catalog.regclass::pg_catalog.text AS resolved,
       t.oid::pg_catalog.regclass::pg_catalog.text AS table_name,
       COALESCE(s.row_estimate, 0) AS row_estimate,
       COALESCE(s.rows_unknown, false) AS rows_unknown,
       COALESCE(s.total_bytes, 0) AS total_bytes,
       COALESCE(s.unknown_bytes, 0) AS unknown_bytes,
       COALESCE((SELECT p.relkind OPERATOR(pg_catalog.=) 'p' FROM pg_catalog.pg_class AS p
                 WHERE p.oid OPERATOR(pg_catalog.=) t.oid), false) AS partitioned
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.bool[]))
     WITH ORDINALITY AS n(name, any_schema, position)
CROSS JOIN LATERAL pg_catalog.parse_ident(n.name) AS q(parts)
CROSS JOIN LATERAL (
    SELECT c.oid FROM pg_catalog.pg_class AS c
    WHERE n.any_schema AND pg_catalog.array_length(q.parts, 1) OPERATOR(pg_catalog.=) 1
      AND c.relname OPERATOR(pg_catalog.=) q.parts[1]
      AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p,i,I,m,v,f}'::"char"[])
    UNION ALL
    SELECT pg_catalog.to_regclass(n.name)
    WHERE NOT (n.any_schema AND pg_catalog.array_length(q.parts, 1) OPERATOR(pg_catalog.=) 1)
) AS r(oid)
LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid OPERATOR(pg_catalog.=) r.oid
CROSS JOIN LATERAL (SELECT COALESCE(i.indrelid, r.oid) AS oid) AS t
CROSS JOIN LATERAL (
    SELECT pg_catalog.round(pg_catalog.sum(GREATEST(c.reltuples, 0)))::bigint AS row_estimate,
           pg_catalog.bool_or(c.reltuples OPERATOR(pg_catalog.<) 0) AS rows_unknown,
           pg_catalog.sum((c.relpages::bigint
                           OPERATOR(pg_catalog.+) COALESCE(toast.relpages, 0)
                           OPERATOR(pg_catalog.+) COALESCE(ix.relpages, 0))
                          OPERATOR(pg_catalog.*)
                          pg_catalog.current_setting('block_size')::bigint)::bigint
               OPERATOR(pg_catalog.+)
           pg_catalog.sum(CASE WHEN c.reltuples OPERATOR(pg_catalog.<) 0
                               THEN pg_catalog.pg_relation_size(c.oid) ELSE 0 END)::bigint
               AS total_bytes,
           pg_catalog.sum(CASE WHEN c.reltuples OPERATOR(pg_catalog.<) 0
                               THEN pg_catalog.pg_relation_size(c.oid) ELSE 0 END)::bigint
               AS unknown_bytes
    FROM (WITH RECURSIVE tree(relid) AS (
              SELECT t.oid
              UNION
              SELECT h.inhrelid FROM pg_catalog.pg_inherits AS h
              JOIN tree ON h.inhparent OPERATOR(pg_catalog.=) tree.relid)
          SELECT tree.relid FROM tree) AS leaf
    JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) leaf.relid
    LEFT JOIN pg_catalog.pg_class AS toast ON toast.oid OPERATOR(pg_catalog.=) c.reltoastrelid
    LEFT JOIN LATERAL (
        SELECT pg_catalog.sum(x.relpages)::bigint AS relpages
        FROM pg_catalog.pg_index AS xi
        JOIN pg_catalog.pg_class AS x ON x.oid OPERATOR(pg_catalog.=) xi.indexrelid
        WHERE xi.indrelid OPERATOR(pg_catalog.=) c.oid) AS ix ON true
    WHERE c.relkind OPERATOR(pg_catalog.<>) 'p'
) AS s
WHERE r.oid IS NOT NULL
-- the biggest first: rows, and a never-analyzed heap at 32 bytes a row (BlockingWorkGate's
-- narrow row)
ORDER BY n.position,
         COALESCE(s.row_estimate, 0)
             OPERATOR(pg_catalog.+) COALESCE(s.unknown_bytes, 0) OPERATOR(pg_catalog./) 32 DESC,
         COALESCE(s.total_bytes, 0) DESC
