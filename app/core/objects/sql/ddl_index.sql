-- The statements that create one index of a table or materialized view (ObjectDdl), as pg_dump
-- -s writes them: an index that backs a primary key, unique or exclusion constraint is that
-- constraint (ALTER TABLE ONLY ... ADD CONSTRAINT), any other its CREATE INDEX; then CLUSTER ON
-- and REPLICA IDENTITY USING INDEX when it is the table's, its attachment to a partitioned
-- table's index, and the comments on its constraint and on it. An index that is not valid (a
-- CREATE INDEX CONCURRENTLY that failed, or one being built) has none: pg_dump leaves it out, and
-- its CREATE INDEX would make a working index (a UNIQUE one a rule) the table does not have.
-- Parameter: the index's oid. Run with search_path empty. Columns: ord, statement.
WITH x AS (
    SELECT i.indexrelid, i.indisclustered, i.indisreplident, ic.relname,
           pg_catalog.format('%I.%I', n.nspname, ic.relname) AS qname,
           pg_catalog.format('%I.%I', tn.nspname, t.relname) AS tname,
           con.oid AS conoid, con.conname
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
    JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
    LEFT JOIN pg_catalog.pg_constraint con
        ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
       AND con.contype IN ('p', 'u', 'x')
    WHERE i.indexrelid = $1::pg_catalog.oid AND i.indisvalid
)
SELECT 10 AS ord,
       CASE WHEN x.conoid IS NULL THEN pg_catalog.pg_get_indexdef(x.indexrelid) || ';'
            ELSE pg_catalog.format(E'ALTER TABLE ONLY %s\n    ADD CONSTRAINT %I %s;', x.tname,
                                   x.conname, pg_catalog.pg_get_constraintdef(x.conoid)) END
           AS statement
FROM x
UNION ALL
SELECT 11, pg_catalog.format('ALTER TABLE %s CLUSTER ON %I;', x.tname, x.relname)
FROM x WHERE x.indisclustered
UNION ALL
SELECT 12, pg_catalog.format('ALTER TABLE ONLY %s REPLICA IDENTITY USING INDEX %I;', x.tname,
                             x.relname)
FROM x WHERE x.indisreplident
UNION ALL
SELECT 20, pg_catalog.format('ALTER INDEX %s ATTACH PARTITION %s;',
                             h.inhparent::pg_catalog.regclass::text, x.qname)
FROM x JOIN pg_catalog.pg_inherits h ON h.inhrelid = x.indexrelid
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L;', x.conname, x.tname,
                             d.description)
FROM x JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = x.conoid
UNION ALL
SELECT 31, pg_catalog.format('COMMENT ON INDEX %s IS %L;', x.qname, d.description)
FROM x JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = x.indexrelid
   AND d.objsubid = 0
ORDER BY ord
