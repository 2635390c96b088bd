-- What depends on the column $2 (attnum) of the table $1 (oid) but its own default and the
-- indexes that are no constraint's (online_column_indexes): constraints (of the table, and
-- foreign keys of other tables that reference it), views and rules, other columns' generation
-- expressions, policies, statistics, triggers, owned sequences, ... Each row: the object as the
-- server describes it (pg_describe_object) and its kind (a pg_constraint's contype, 'view',
-- 'rule', 'generated', 'sequence' (one the column owns: serial), 'policy', 'trigger' (its UPDATE
-- OF list), 'statistics' (CREATE STATISTICS), or 'other'). The column's own NOT NULL, a
-- constraint in PostgreSQL 18, is online_column's attnotnull, not a use; a NOT VALID one (kind
-- 'n') is.
SELECT DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) AS object,
       CASE WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                THEN (SELECT k.contype::pg_catalog.text FROM pg_catalog.pg_constraint AS k
                      WHERE k.oid OPERATOR(pg_catalog.=) d.objid)
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
                THEN (SELECT CASE WHEN c.relkind OPERATOR(pg_catalog.=) ANY ('{v,m}'::"char"[])
                                  THEN 'view' ELSE 'rule' END
                      FROM pg_catalog.pg_rewrite AS r
                      JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) r.ev_class
                      WHERE r.oid OPERATOR(pg_catalog.=) d.objid)
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                THEN 'generated'
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                 AND EXISTS (SELECT FROM pg_catalog.pg_class AS s
                             WHERE s.oid OPERATOR(pg_catalog.=) d.objid
                               AND s.relkind OPERATOR(pg_catalog.=) 'S')
                THEN 'sequence'
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_policy'::pg_catalog.regclass
                THEN 'policy'
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_trigger'::pg_catalog.regclass
                THEN 'trigger'
            WHEN d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass
                THEN 'statistics'
            ELSE 'other'
       END AS kind
FROM pg_catalog.pg_depend AS d
WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.refobjid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
  AND d.refobjsubid OPERATOR(pg_catalog.=) $2::pg_catalog.int4
  AND d.deptype OPERATOR(pg_catalog.<>) 'i'
  -- the column's own default
  AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
           AND EXISTS (SELECT FROM pg_catalog.pg_attrdef AS ad
                       WHERE ad.oid OPERATOR(pg_catalog.=) d.objid
                         AND ad.adnum OPERATOR(pg_catalog.=) $2::pg_catalog.int4
                         AND ad.adrelid OPERATOR(pg_catalog.=) $1::pg_catalog.oid))
  -- the column's NOT NULL (PostgreSQL 18)
  AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
           AND EXISTS (SELECT FROM pg_catalog.pg_constraint AS nn
                       WHERE nn.oid OPERATOR(pg_catalog.=) d.objid
                         AND nn.contype OPERATOR(pg_catalog.=) 'n' AND nn.convalidated))
  -- indexes no constraint owns: read by online_column_indexes
  AND NOT (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND EXISTS (SELECT FROM pg_catalog.pg_index AS x
                       WHERE x.indexrelid OPERATOR(pg_catalog.=) d.objid))
ORDER BY object
