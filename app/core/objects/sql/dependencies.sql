-- What one object uses and what uses it (ObjectCatalog::dependencies), from pg_depend; a view's
-- query counts as the view (its rewrite rule's dependencies), a column default or constraint
-- as its table, a trigger or policy as its table. The object's own parts (its indexes, constraints,
-- columns, row type) and the system's objects are left out. Parameters: the catalog holding the
-- object (pg_class, pg_proc, pg_type, pg_namespace, pg_extension), its oid. A relation's
-- parts that depend on it automatically (indexes, owned sequences, partitions) are its
-- children, not its users. Columns: direction
-- (uses, used_by), type and identity (pg_identify_object's).
WITH self AS (
    SELECT $1::text::pg_catalog.regclass AS classid, $2::pg_catalog.oid AS objid
),
-- the object and its parts: a relation's rewrite rules (a view's query), constraints,
-- triggers, policies and column defaults; a domain's constraints
mine AS (
    SELECT s.classid, s.objid FROM self s
    UNION ALL
    SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, w.oid
    FROM self s JOIN pg_catalog.pg_rewrite w ON w.ev_class = s.objid
    WHERE s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, con.oid
    FROM self s JOIN pg_catalog.pg_constraint con
        ON (s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND con.conrelid = s.objid)
        OR (s.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND con.contypid = s.objid)
    UNION ALL
    SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid
    FROM self s JOIN pg_catalog.pg_trigger t ON t.tgrelid = s.objid
    WHERE s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    UNION ALL
    SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid
    FROM self s JOIN pg_catalog.pg_policy p ON p.polrelid = s.objid
    WHERE s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    UNION ALL
    SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, ad.oid
    FROM self s JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = s.objid
    WHERE s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
),
uses AS (
    SELECT DISTINCT d.refclassid AS classid, d.refobjid AS objid
    FROM mine m JOIN pg_catalog.pg_depend d ON d.classid = m.classid AND d.objid = m.objid
    CROSS JOIN self s
    WHERE d.deptype IN ('n', 'a') AND d.refobjid >= 16384
      AND d.refclassid <> 'pg_catalog.pg_namespace'::pg_catalog.regclass
      AND NOT (d.refclassid = s.classid AND d.refobjid = s.objid)
),
users AS (
    SELECT DISTINCT d.deptype = 'a' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
               AS part,
           CASE d.classid
               WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                   THEN 'pg_catalog.pg_class'::pg_catalog.regclass
               WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                   THEN 'pg_catalog.pg_class'::pg_catalog.regclass
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass
                   THEN CASE WHEN con.conrelid <> 0 THEN 'pg_catalog.pg_class'::pg_catalog.regclass
                             ELSE 'pg_catalog.pg_type'::pg_catalog.regclass END
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass
                   THEN 'pg_catalog.pg_class'::pg_catalog.regclass
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass
                   THEN 'pg_catalog.pg_class'::pg_catalog.regclass
               ELSE d.classid END AS classid,
           CASE d.classid
               WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN w.ev_class
               WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN ad.adrelid
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass
                   THEN CASE WHEN con.conrelid <> 0 THEN con.conrelid ELSE con.contypid END
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN tg.tgrelid
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN po.polrelid
               ELSE d.objid END AS objid
    FROM self s
    JOIN pg_catalog.pg_depend d ON d.refclassid = s.classid AND d.refobjid = s.objid
    LEFT JOIN pg_catalog.pg_rewrite w
        ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND w.oid = d.objid
    LEFT JOIN pg_catalog.pg_attrdef ad
        ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
    LEFT JOIN pg_catalog.pg_constraint con
        ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND con.oid = d.objid
    LEFT JOIN pg_catalog.pg_trigger tg
        ON d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND tg.oid = d.objid
    LEFT JOIN pg_catalog.pg_policy po
        ON d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND po.oid = d.objid
    WHERE d.deptype IN ('n', 'a')
)
SELECT 'uses' AS direction, i.type, i.identity
FROM uses u CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, 0) i
WHERE i.type <> 'index'
UNION
SELECT 'used_by', i.type, i.identity
FROM users u CROSS JOIN self s
CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, 0) i
WHERE NOT (u.classid = s.classid AND u.objid = s.objid) AND NOT u.part
ORDER BY 1, 2, 3
