-- The rest of what the browser knows about the columns of relation $1.$2 (columns_first.sql
-- has names and types), in the same order: enum labels (JSON array), default, and whether the
-- type has a default btree operator class (can be sorted and keyset-paged): its own, or that
-- of a type it is binary-coercible to, as PostgreSQL itself finds it (varchar and cidr have
-- none of their own: they sort with text_ops and inet_ops).
WITH rel AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2)
SELECT CASE WHEN bt.typtype = 'e' THEN
           (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e
            WHERE e.enumtypid = bt.oid)
       END AS enum_labels,
       pg_get_expr(d.adbin, d.adrelid) AS default_expr,
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
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = (SELECT oid FROM rel) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
