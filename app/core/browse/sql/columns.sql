-- The columns of relation $1.$2 (schema, name; read in the same pipeline as table.sql) in
-- order: type without and with modifier (format_type quotes as needed), the base type behind a
-- domain, enum labels (JSON array), default, generated / identity / NOT NULL, numeric
-- precision and scale (PostgreSQL's typmod layout: the scale is 11 bits, signed since 15; a
-- domain's own typmod), varchar length, and whether the type has a default btree operator
-- class (can be sorted and keyset-paged): its own, or that of a type it is binary-coercible
-- to, as PostgreSQL itself finds it (varchar and cidr have none of their own: they sort with
-- text_ops and inet_ops).
WITH rel AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2)
SELECT a.attname AS name,
       format_type(a.atttypid, NULL) AS type_name,
       format_type(a.atttypid, a.atttypmod) AS display_type,
       bt.typname AS base_type,
       bt.typtype::text AS type_type,
       bt.typcategory::text AS type_category,
       CASE WHEN bt.typtype = 'e' THEN
           (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e
            WHERE e.enumtypid = bt.oid)
       END AS enum_labels,
       pg_get_expr(d.adbin, d.adrelid) AS default_expr,
       a.attgenerated <> '' AS generated,
       a.attidentity::text AS identity,
       a.attnotnull AS not_null,
       CASE WHEN bt.typname = 'numeric' AND m.typmod >= 4
            THEN ((m.typmod - 4) >> 16) & 65535 END AS numeric_precision,
       CASE WHEN bt.typname = 'numeric' AND m.typmod >= 4
            THEN (((m.typmod - 4) & 2047) # 1024) - 1024 END AS numeric_scale,
       CASE WHEN bt.typname IN ('varchar', 'bpchar') AND m.typmod >= 4
            THEN m.typmod - 4 END AS max_length,
       EXISTS (SELECT 1 FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod
               WHERE am.amname = 'btree' AND o.opcdefault
                 AND (o.opcintype = bt.oid
                      OR (bt.typtype = 'e' AND o.opcintype = 'anyenum'::regtype)
                      OR (bt.typcategory = 'A' AND o.opcintype = 'anyarray'::regtype)
                      OR EXISTS (SELECT 1 FROM pg_cast pc
                                 WHERE pc.castsource = bt.oid AND pc.casttarget = o.opcintype
                                   AND pc.castmethod = 'b')))
           AS sortable
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
CROSS JOIN LATERAL (SELECT CASE WHEN t.typtype = 'd' AND a.atttypmod < 0 THEN t.typtypmod
                                ELSE a.atttypmod END AS typmod) m
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = (SELECT oid FROM rel) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
