-- Of the ALTER COLUMN ... TYPE changes a plan makes, those PostgreSQL 15 does in the catalog
-- alone, keeping the table's file (ATColumnChangeRequiresRewrite on the coercion that
-- coerce_to_target_type and the length coercions' support functions leave): the old type's base
-- (domains followed) is the new type's base, or binary-coercible to it (pg_cast castmethod 'b';
-- varchar to text, text to varchar, ...), the new type is no domain with a constraint (CHECK or
-- NOT NULL: PostgreSQL rewrites to check it), and the new type modifier needs no work: none (-1),
-- the old one unchanged, a type without a length coercion (no pg_cast of the type to itself; not
-- an array), or a widening a support function turns into a relabel: varchar(n) to a longer
-- varchar (varchar_support), numeric(p,s) to numeric(q,s) with q >= p (numeric_support), bit
-- varying to a longer one (varbit_support), timestamp/timestamptz/time/timetz to a finer
-- precision or one of 6 and above (timestamp_support, time_support). Anything else (a USING
-- expression, char(n) or bit(n) lengths, int to bigint, interval fields, timestamp to
-- timestamptz; a column an expression or partial index, a CHECK, a foreign key or an exclusion
-- constraint uses) is left as a rewrite: the caller does not ask.
-- $1: the tables as the statements write them (text[]); $2: the columns (unquoted); $3: the new
-- types' names (quoted, qualified as written, "[]" for an array; to_regtype resolves them with
-- the session's search_path); $4: each new type's modifiers as a text array literal ('{12,2}',
-- '{}' for none). One row per change done without a rewrite: its position (1-based) in the
-- arrays. A table, column or type not there (yet) gives no row.
WITH RECURSIVE q AS (
    SELECT q.relation, q.col, q.type_name, q.typmods, q.position, a.attrelid, a.attnum,
           a.atttypid AS old_type, a.atttypmod AS old_typmod,
           pg_catalog.to_regtype(q.type_name) AS new_type
    FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]),
                    pg_catalog.unnest($2::pg_catalog.text[]),
                    pg_catalog.unnest($3::pg_catalog.text[]),
                    pg_catalog.unnest($4::pg_catalog.text[]))
         WITH ORDINALITY AS q(relation, col, type_name, typmods, position)
    JOIN pg_catalog.pg_attribute AS a
      ON a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(q.relation)
     AND a.attname OPERATOR(pg_catalog.=) q.col
     AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
),
-- each type's chain of domains down to its base: (position, which, type, depth)
chain AS (
    SELECT q.position, w.which, w.type, 0 AS depth
    FROM q CROSS JOIN LATERAL (VALUES ('old', q.old_type), ('new', q.new_type)) AS w(which, type)
    WHERE w.type IS NOT NULL
    UNION ALL
    SELECT chain.position, chain.which, t.typbasetype, chain.depth OPERATOR(pg_catalog.+) 1
    FROM chain JOIN pg_catalog.pg_type AS t ON t.oid OPERATOR(pg_catalog.=) chain.type
    WHERE t.typtype OPERATOR(pg_catalog.=) 'd' AND chain.depth OPERATOR(pg_catalog.<) 32
),
bases AS (
    SELECT chain.position, chain.which,
           (pg_catalog.array_agg(chain.type ORDER BY chain.depth DESC))[1] AS base,
           pg_catalog.max(t.typtypmod) FILTER (WHERE t.typtype OPERATOR(pg_catalog.=) 'd')
               AS domain_typmod,
           pg_catalog.bool_or(t.typtype OPERATOR(pg_catalog.=) 'd'
                              AND (t.typnotnull
                                   OR EXISTS (SELECT FROM pg_catalog.pg_constraint AS k
                                              WHERE k.contypid OPERATOR(pg_catalog.=) t.oid)))
               AS constrained
    FROM chain JOIN pg_catalog.pg_type AS t ON t.oid OPERATOR(pg_catalog.=) chain.type
    GROUP BY chain.position, chain.which
),
judged AS (
    SELECT q.position, q.attrelid, q.attnum, o.base AS old_base, n.base AS new_base,
           n.constrained,
           CASE WHEN o.base OPERATOR(pg_catalog.=) n.base THEN q.old_typmod ELSE -1 END
               AS source_typmod,
           nt.typcategory OPERATOR(pg_catalog.=) 'A' AS is_array,
           CASE WHEN q.typmods OPERATOR(pg_catalog.=) '{}'
                    THEN COALESCE(NULLIF(n.domain_typmod, -1), -1)
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.varchartypmodin'::pg_catalog.regproc
                    THEN pg_catalog.varchartypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.numerictypmodin'::pg_catalog.regproc
                    THEN pg_catalog.numerictypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.varbittypmodin'::pg_catalog.regproc
                    THEN pg_catalog.varbittypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.timestamptypmodin'::pg_catalog.regproc
                    THEN pg_catalog.timestamptypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.timestamptztypmodin'::pg_catalog.regproc
                    THEN pg_catalog.timestamptztypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.timetypmodin'::pg_catalog.regproc
                    THEN pg_catalog.timetypmodin(q.typmods::pg_catalog.cstring[])
                WHEN nt.typmodin OPERATOR(pg_catalog.=) 'pg_catalog.timetztypmodin'::pg_catalog.regproc
                    THEN pg_catalog.timetztypmodin(q.typmods::pg_catalog.cstring[])
           END AS new_typmod
    FROM q
    JOIN bases AS o ON o.position OPERATOR(pg_catalog.=) q.position
                   AND o.which OPERATOR(pg_catalog.=) 'old'
    JOIN bases AS n ON n.position OPERATOR(pg_catalog.=) q.position
                   AND n.which OPERATOR(pg_catalog.=) 'new'
    JOIN pg_catalog.pg_type AS nt ON nt.oid OPERATOR(pg_catalog.=) q.new_type
)
SELECT j.position
FROM judged AS j
WHERE NOT COALESCE(j.constrained, false)
  -- an index with an expression or a predicate on the column is built again (PostgreSQL's
  -- CheckIndexCompatible takes none of them), and a CHECK or foreign key on it is checked
  -- again: work under the ACCESS EXCLUSIVE sized by the table, left as a rewrite
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend AS d
                  LEFT JOIN pg_catalog.pg_index AS x
                    ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                   AND x.indexrelid OPERATOR(pg_catalog.=) d.objid
                  LEFT JOIN pg_catalog.pg_constraint AS k
                    ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                   AND k.oid OPERATOR(pg_catalog.=) d.objid
                  WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND d.refobjid OPERATOR(pg_catalog.=) j.attrelid
                    AND d.refobjsubid OPERATOR(pg_catalog.=) j.attnum
                    AND ((x.indexrelid IS NOT NULL
                          AND (x.indexprs IS NOT NULL OR x.indpred IS NOT NULL))
                         OR k.contype OPERATOR(pg_catalog.=) ANY ('{c,f,x}'::"char"[])))
  AND j.new_typmod IS NOT NULL
  AND (j.old_base OPERATOR(pg_catalog.=) j.new_base
       OR EXISTS (SELECT FROM pg_catalog.pg_cast AS c
                  WHERE c.castsource OPERATOR(pg_catalog.=) j.old_base
                    AND c.casttarget OPERATOR(pg_catalog.=) j.new_base
                    AND c.castmethod OPERATOR(pg_catalog.=) 'b'))
  AND (j.new_typmod OPERATOR(pg_catalog.<) 0
       OR j.new_typmod OPERATOR(pg_catalog.=) j.source_typmod
       OR (NOT j.is_array
           AND NOT EXISTS (SELECT FROM pg_catalog.pg_cast AS c
                           WHERE c.castsource OPERATOR(pg_catalog.=) j.new_base
                             AND c.casttarget OPERATOR(pg_catalog.=) j.new_base))
       OR (j.source_typmod OPERATOR(pg_catalog.>=) 0 AND CASE j.new_base
               WHEN 'pg_catalog.varchar'::pg_catalog.regtype
                   THEN j.source_typmod OPERATOR(pg_catalog.<=) j.new_typmod
               WHEN 'pg_catalog.numeric'::pg_catalog.regtype
                   THEN ((j.new_typmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.&) 2047)
                            OPERATOR(pg_catalog.=)
                        ((j.source_typmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.&) 2047)
                    AND ((j.new_typmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.>>) 16)
                            OPERATOR(pg_catalog.>=)
                        ((j.source_typmod OPERATOR(pg_catalog.-) 4) OPERATOR(pg_catalog.>>) 16)
               WHEN 'pg_catalog.varbit'::pg_catalog.regtype
                   THEN j.source_typmod OPERATOR(pg_catalog.<=) j.new_typmod
               ELSE j.new_base OPERATOR(pg_catalog.=) ANY ('{timestamp,timestamptz,time,timetz}'::pg_catalog.regtype[])
                    AND (j.new_typmod OPERATOR(pg_catalog.>=) 6
                         OR j.source_typmod OPERATOR(pg_catalog.<=) j.new_typmod)
           END))
ORDER BY j.position
