-- What one object uses and what uses it (ObjectCatalog::dependencies), from pg_depend; a view's
-- query counts as the view (its rewrite rule's dependencies), a column default or constraint
-- as its table, a trigger or policy as its table. The object's own parts (its indexes, constraints,
-- columns, row type) and the system's objects are left out. Parameters: the catalog holding the
-- object (pg_class, pg_proc, pg_type, pg_namespace, pg_extension, and for a table's part
-- pg_constraint, pg_trigger, pg_policy or pg_class for an index), its oid. A relation's
-- parts that depend on it automatically (indexes, owned sequences, partitions) are its
-- children, not its users. A table's part (an index, constraint, trigger or policy) uses its
-- table and the columns, functions, types, collations and operator classes it names (a
-- column by itself, not as its table), a constraint also its index (a primary key's, unique
-- or exclusion constraint's) and a foreign key the referenced table's columns and index; it is
-- used by the constraints that depend on it as themselves, not as their tables: an index by
-- the constraint it belongs to and the foreign keys that reference it, a primary key or
-- unique constraint by the foreign keys that reference its index. Columns: direction
-- (uses, used_by), type and identity (pg_identify_object's).
WITH self AS (
    SELECT $1::text::pg_catalog.regclass AS classid, $2::pg_catalog.oid AS objid,
           -- a table's part, and its table
           CASE WHEN $1::text::pg_catalog.regclass IN ('pg_catalog.pg_constraint'::pg_catalog.regclass,
                                                     'pg_catalog.pg_trigger'::pg_catalog.regclass,
                                                     'pg_catalog.pg_policy'::pg_catalog.regclass)
                THEN true
                WHEN $1::text::pg_catalog.regclass = 'pg_catalog.pg_class'::pg_catalog.regclass
                THEN EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                             WHERE i.indexrelid = $2::pg_catalog.oid)
                ELSE false END AS part,
           coalesce((SELECT i.indrelid FROM pg_catalog.pg_index i
                     WHERE $1::text = 'pg_catalog.pg_class' AND i.indexrelid = $2::pg_catalog.oid),
                    (SELECT nullif(con.conrelid, 0) FROM pg_catalog.pg_constraint con
                     WHERE $1::text = 'pg_catalog.pg_constraint' AND con.oid = $2::pg_catalog.oid),
                    (SELECT t.tgrelid FROM pg_catalog.pg_trigger t
                     WHERE $1::text = 'pg_catalog.pg_trigger' AND t.oid = $2::pg_catalog.oid),
                    (SELECT p.polrelid FROM pg_catalog.pg_policy p
                     WHERE $1::text = 'pg_catalog.pg_policy' AND p.oid = $2::pg_catalog.oid))
               AS owner
),
-- the object and its parts: a relation's rewrite rules (a view's query), constraints,
-- triggers, policies and column defaults; a domain's constraints; an index's constraint
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
    UNION ALL
    -- an index's constraint, whose columns are the index's (it depends on them, not the index)
    SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, d.refobjid
    FROM self s JOIN pg_catalog.pg_depend d ON d.classid = s.classid AND d.objid = s.objid
    WHERE s.part AND s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.deptype = 'i' AND d.refclassid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
),
uses AS (
    SELECT DISTINCT d.refclassid AS classid, d.refobjid AS objid,
           CASE WHEN s.part THEN d.refobjsubid ELSE 0 END AS objsubid
    FROM mine m JOIN pg_catalog.pg_depend d ON d.classid = m.classid AND d.objid = m.objid
    CROSS JOIN self s
    WHERE d.deptype IN ('n', 'a') AND d.refobjid >= 16384
      AND d.refclassid <> 'pg_catalog.pg_namespace'::pg_catalog.regclass
      AND NOT (d.refclassid = s.classid AND d.refobjid = s.objid)
    UNION
    -- a part's table
    SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid, s.owner, 0
    FROM self s WHERE s.part AND s.owner IS NOT NULL
    UNION
    -- a primary key's, unique or exclusion constraint's index (which depends on it internally)
    SELECT 'pg_catalog.pg_class'::pg_catalog.regclass::pg_catalog.oid, con.conindid, 0
    FROM self s JOIN pg_catalog.pg_constraint con
        ON s.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND con.oid = s.objid
    WHERE con.contype IN ('p', 'u', 'x') AND con.conindid <> 0
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
                   THEN CASE WHEN s.part THEN d.classid
                             WHEN con.conrelid <> 0 THEN 'pg_catalog.pg_class'::pg_catalog.regclass
                             ELSE 'pg_catalog.pg_type'::pg_catalog.regclass END
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass
                   THEN CASE WHEN s.part THEN d.classid
                             ELSE 'pg_catalog.pg_class'::pg_catalog.regclass END
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass
                   THEN CASE WHEN s.part THEN d.classid
                             ELSE 'pg_catalog.pg_class'::pg_catalog.regclass END
               ELSE d.classid END AS classid,
           CASE d.classid
               WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN w.ev_class
               WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN ad.adrelid
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass
                   THEN CASE WHEN s.part THEN d.objid
                             WHEN con.conrelid <> 0 THEN con.conrelid ELSE con.contypid END
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass
                   THEN CASE WHEN s.part THEN d.objid ELSE tg.tgrelid END
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass
                   THEN CASE WHEN s.part THEN d.objid ELSE po.polrelid END
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
    UNION
    -- an index's constraint (the index depends on it internally)
    SELECT false, d.refclassid::pg_catalog.regclass, d.refobjid
    FROM self s JOIN pg_catalog.pg_depend d ON d.classid = s.classid AND d.objid = s.objid
    WHERE s.part AND s.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
      AND d.refclassid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
    UNION
    -- the foreign keys on a primary key's or unique constraint's index
    SELECT false, d.classid::pg_catalog.regclass, d.objid
    FROM self s JOIN pg_catalog.pg_constraint con
        ON s.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND con.oid = s.objid
    JOIN pg_catalog.pg_depend d
        ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = con.conindid
       AND d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.deptype = 'n'
    WHERE con.contype IN ('p', 'u', 'x') AND con.conindid <> 0
)
SELECT 'uses' AS direction, i.type, i.identity
FROM uses u CROSS JOIN self s
CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, u.objsubid) i
WHERE i.type <> 'index' OR s.part
UNION
SELECT 'used_by', i.type, i.identity
FROM users u CROSS JOIN self s
CROSS JOIN LATERAL pg_catalog.pg_identify_object(u.classid, u.objid, 0) i
WHERE NOT (u.classid = s.classid AND u.objid = s.objid) AND NOT u.part
ORDER BY 1, 2, 3
