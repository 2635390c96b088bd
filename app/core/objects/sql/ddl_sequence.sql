-- The statements that create one sequence (ObjectCatalog::ddl), as pg_dump -s writes them:
-- CREATE SEQUENCE with AS (unless bigint), START WITH, INCREMENT BY, MINVALUE or NO MINVALUE
-- (the default of its direction and type), MAXVALUE or NO MAXVALUE, CACHE, CYCLE; for an
-- identity column's sequence the ALTER TABLE ... ADD GENERATED ... AS IDENTITY that makes it;
-- its owner (ALTER TABLE, as pg_dump 15 writes it; an identity sequence has none of its own);
-- the column a serial sequence is owned by; its comment. Parameter: the sequence's oid. Run
-- with search_path empty. Columns: ord, sub, statement.
WITH seq AS (
    SELECT s.*, c.oid, c.relowner, pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname,
           d.deptype, d.refobjid, a.attname, a.attidentity,
           CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN -32768
                           WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN -2147483648
                           ELSE -9223372036854775808 END AS low,
           CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
                           WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647
                           ELSE 9223372036854775807 END AS high
    FROM pg_catalog.pg_sequence s
    JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_depend d
        ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
       AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
       AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE s.seqrelid = $1::pg_catalog.oid
),
body AS (
    SELECT q.*,
           pg_catalog.concat(
               E'\n    START WITH ', q.seqstart, E'\n    INCREMENT BY ', q.seqincrement,
               CASE WHEN q.seqmin = CASE WHEN q.seqincrement > 0 THEN 1 ELSE q.low END
                    THEN E'\n    NO MINVALUE' ELSE E'\n    MINVALUE ' || q.seqmin END,
               CASE WHEN q.seqmax = CASE WHEN q.seqincrement > 0 THEN q.high ELSE -1 END
                    THEN E'\n    NO MAXVALUE' ELSE E'\n    MAXVALUE ' || q.seqmax END,
               E'\n    CACHE ', q.seqcache, CASE WHEN q.seqcycle THEN E'\n    CYCLE' END) AS opts
    FROM seq q
)
SELECT 10 AS ord,
       CASE WHEN b.deptype = 'i'
            THEN pg_catalog.format(E'ALTER TABLE %s ALTER COLUMN %I ADD GENERATED %s AS IDENTITY (\n    SEQUENCE NAME %s%s\n);',
                                   b.refobjid::pg_catalog.regclass::text, b.attname,
                                   CASE b.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END,
                                   b.qname, b.opts)
            ELSE pg_catalog.format('CREATE SEQUENCE %s%s%s;', b.qname,
                                   CASE WHEN b.seqtypid <> 'pg_catalog.int8'::pg_catalog.regtype
                                        THEN E'\n    AS ' || pg_catalog.format_type(b.seqtypid, NULL) END,
                                   b.opts) END AS statement
FROM body b
UNION ALL
-- an identity column's sequence is its table's: no owner of its own
SELECT 15, pg_catalog.format('ALTER TABLE %s OWNER TO %I;', b.qname,
                             pg_catalog.pg_get_userbyid(b.relowner))
FROM body b WHERE b.deptype IS DISTINCT FROM 'i'
UNION ALL
SELECT 20, pg_catalog.format('ALTER SEQUENCE %s OWNED BY %s.%I;', b.qname,
                             b.refobjid::pg_catalog.regclass::text, b.attname)
FROM body b WHERE b.deptype = 'a'
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON SEQUENCE %s IS %L;', b.qname, d.description)
FROM body b JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = b.oid
   AND d.objsubid = 0
ORDER BY ord
