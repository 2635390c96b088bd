-- The statements that create one constraint of a table (ObjectDdl), as pg_dump -s writes them
-- apart from CREATE TABLE: ALTER TABLE ONLY ... ADD CONSTRAINT for a primary key, unique or
-- exclusion constraint (with CLUSTER ON and REPLICA IDENTITY USING INDEX when its index is the
-- table's) and a foreign key (ALTER TABLE without ONLY on a partitioned table), ALTER TABLE ...
-- ADD CONSTRAINT for a CHECK (inherited by the table's children); then the comments on it and
-- on its index. Parameter: the constraint's oid. Run with search_path empty. Columns: ord,
-- statement.
WITH c AS (
    SELECT con.oid, con.conname, con.contype, con.conindid, t.relkind,
           pg_catalog.format('%I.%I', tn.nspname, t.relname) AS tname,
           i.indisclustered, i.indisreplident, ic.relname AS indexname,
           -- NULL without an index (a CHECK's or foreign key's)
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ic.relname) AS qindex
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class t ON t.oid = con.conrelid
    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
    LEFT JOIN pg_catalog.pg_index i
        ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x')
    LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    LEFT JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
    WHERE con.oid = $1::pg_catalog.oid
)
SELECT 10 AS ord,
       pg_catalog.format(E'ALTER TABLE %s%s\n    ADD CONSTRAINT %I %s;',
                         CASE WHEN c.contype IN ('p', 'u', 'x') THEN 'ONLY '
                              WHEN c.contype = 'f' AND c.relkind <> 'p' THEN 'ONLY '
                              ELSE '' END,
                         c.tname, c.conname, pg_catalog.pg_get_constraintdef(c.oid)) AS statement
FROM c
UNION ALL
SELECT 11, pg_catalog.format('ALTER TABLE %s CLUSTER ON %s;', c.tname,
                             pg_catalog.quote_ident(c.indexname))
FROM c WHERE c.indisclustered
UNION ALL
SELECT 12, pg_catalog.format('ALTER TABLE ONLY %s REPLICA IDENTITY USING INDEX %s;', c.tname,
                             pg_catalog.quote_ident(c.indexname))
FROM c WHERE c.indisreplident
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L;', c.conname, c.tname,
                             d.description)
FROM c JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = c.oid
UNION ALL
SELECT 31, pg_catalog.format('COMMENT ON INDEX %s IS %L;', c.qindex, d.description)
FROM c JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = c.conindid
   AND d.objsubid = 0 AND c.qindex IS NOT NULL
ORDER BY ord
