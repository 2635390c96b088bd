-- Live sizes of the relations a lock forecast names. $1: their names as a statement writes them
-- (a text[]), each resolved as the statement would resolve it (to_regclass, with the session's
-- search_path); a name that resolves to nothing gives no row. $2: a bool[] parallel to $1: an
-- unqualified name marked true comes after the plan set its own search_path, so it is matched
-- in every schema and the biggest table of that name counts. The numbers are those of the table
-- the lock falls on: an index's table, and the sum over the table and every table that inherits
-- from it (the leaf partitions of a partitioned table, the children of an inheritance parent: an
-- ALTER TABLE without ONLY reaches them all).
-- The rows are estimated as the planner does (estimate_rel_size): the heap's pages now
-- (pg_relation_size over the block size) times the density of its last VACUUM or ANALYZE
-- (reltuples / relpages), so a table grown since its statistics were taken counts as big as it
-- is; a table never vacuumed or analyzed (reltuples -1), or one whose statistics saw no page, is
-- given the density of its row width (pg_stats.avg_width, else the type's length, else 32 bytes,
-- with the tuple header and line pointer, 28 bytes). rows_unknown: some table was never analyzed
-- (its rows are that width's estimate); unknown_bytes is the heap size on disk of those tables.
-- total_bytes: the heap on disk now, its TOAST table's and its indexes' pages as of their last
-- VACUUM, ANALYZE or build. pg_relation_size takes ACCESS SHARE on the heap: a heap another
-- session holds (or waits for) ACCESS EXCLUSIVE on is not opened (that would wait as long); it is
-- counted from pg_class, and from the live tuples the statistics collector counted, the bigger.
-- partitioned: the table is a partitioned table (no CREATE INDEX CONCURRENTLY on it, no NOT
-- VALID foreign key).
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
    SELECT pg_catalog.round(pg_catalog.sum(h.rows))::bigint AS row_estimate,
           pg_catalog.bool_or(h.reltuples OPERATOR(pg_catalog.<) 0) AS rows_unknown,
           pg_catalog.sum(h.heap_bytes OPERATOR(pg_catalog.+) h.other_bytes)::bigint
               AS total_bytes,
           pg_catalog.sum(CASE WHEN h.reltuples OPERATOR(pg_catalog.<) 0
                               THEN h.heap_bytes ELSE 0 END)::bigint AS unknown_bytes
    FROM (WITH RECURSIVE tree(relid) AS (
              SELECT t.oid
              UNION
              SELECT h.inhrelid FROM pg_catalog.pg_inherits AS h
              JOIN tree ON h.inhparent OPERATOR(pg_catalog.=) tree.relid)
          SELECT tree.relid FROM tree) AS leaf
    JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) leaf.relid
    CROSS JOIN LATERAL (SELECT pg_catalog.current_setting('block_size')::bigint AS size) AS bs
    CROSS JOIN LATERAL (
        SELECT EXISTS (SELECT FROM pg_catalog.pg_locks AS l
                       WHERE l.locktype OPERATOR(pg_catalog.=) 'relation'
                         AND l.relation OPERATOR(pg_catalog.=) c.oid
                         AND l.mode OPERATOR(pg_catalog.=) 'AccessExclusiveLock'
                         AND l.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid())
                   AS locked) AS lk
    CROSS JOIN LATERAL (
        SELECT CASE WHEN lk.locked THEN NULL
                    ELSE pg_catalog.pg_relation_size(c.oid) OPERATOR(pg_catalog./) bs.size
               END AS pages) AS cur
    CROSS JOIN LATERAL (
        SELECT 28 OPERATOR(pg_catalog.+) COALESCE(pg_catalog.sum(
                   COALESCE(st.avg_width,
                            CASE WHEN ty.typlen OPERATOR(pg_catalog.>) 0 THEN ty.typlen::integer
                                 ELSE 32 END)), 0)::bigint AS bytes
        FROM pg_catalog.pg_attribute AS a
        JOIN pg_catalog.pg_type AS ty ON ty.oid OPERATOR(pg_catalog.=) a.atttypid
        LEFT JOIN pg_catalog.pg_stats AS st
          ON st.schemaname OPERATOR(pg_catalog.=) (SELECT ns.nspname FROM pg_catalog.pg_namespace AS ns
                                                   WHERE ns.oid OPERATOR(pg_catalog.=) c.relnamespace)
         AND st.tablename OPERATOR(pg_catalog.=) c.relname
         AND st.attname OPERATOR(pg_catalog.=) a.attname
         AND NOT st.inherited
        WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attnum OPERATOR(pg_catalog.>) 0
          AND NOT a.attisdropped) AS width
    LEFT JOIN pg_catalog.pg_class AS toast ON toast.oid OPERATOR(pg_catalog.=) c.reltoastrelid
    LEFT JOIN LATERAL (
        SELECT pg_catalog.sum(x.relpages)::bigint AS relpages
        FROM pg_catalog.pg_index AS xi
        JOIN pg_catalog.pg_class AS x ON x.oid OPERATOR(pg_catalog.=) xi.indexrelid
        WHERE xi.indrelid OPERATOR(pg_catalog.=) c.oid) AS ix ON true
    CROSS JOIN LATERAL (
        SELECT c.reltuples,
               CASE WHEN cur.pages IS NULL
                        THEN GREATEST(c.reltuples::double precision,
                                      pg_catalog.pg_stat_get_live_tuples(c.oid)::double precision,
                                      0)
                    WHEN cur.pages OPERATOR(pg_catalog.=) 0 THEN 0
                    -- the statistics collector's live tuples when they are more (a density
                    -- taken from a page or two of a table that grew since is no guide)
                    WHEN c.reltuples OPERATOR(pg_catalog.>=) 0
                         AND c.relpages OPERATOR(pg_catalog.>) 0
                        THEN GREATEST(pg_catalog.round(c.reltuples::double precision
                                                       OPERATOR(pg_catalog./) c.relpages
                                                       OPERATOR(pg_catalog.*) cur.pages),
                                      pg_catalog.pg_stat_get_live_tuples(c.oid)::double precision)
                    ELSE GREATEST(((bs.size OPERATOR(pg_catalog.-) 24)
                                   OPERATOR(pg_catalog./) width.bytes)
                                  OPERATOR(pg_catalog.*) cur.pages,
                                  pg_catalog.pg_stat_get_live_tuples(c.oid)::double precision)
               END AS rows,
               COALESCE(cur.pages, c.relpages) OPERATOR(pg_catalog.*) bs.size AS heap_bytes,
               (COALESCE(toast.relpages, 0) OPERATOR(pg_catalog.+) COALESCE(ix.relpages, 0))
                   OPERATOR(pg_catalog.*) bs.size AS other_bytes) AS h
    WHERE c.relkind OPERATOR(pg_catalog.<>) 'p'
) AS s
WHERE r.oid IS NOT NULL
-- the biggest first: rows, and a never-analyzed heap at 32 bytes a row (BlockingWorkGate's
-- narrow row)
ORDER BY n.position,
         COALESCE(s.row_estimate, 0)
             OPERATOR(pg_catalog.+) COALESCE(s.unknown_bytes, 0) OPERATOR(pg_catalog./) 32 DESC,
         COALESCE(s.total_bytes, 0) DESC
