-- The indexes of the table $1 (oid) on its column $2 (attnum) that no constraint owns (a
-- primary key's, unique or exclusion constraint's index is its constraint's: online_column_uses):
-- a key or INCLUDE column, or named in an expression or predicate. Each: its name, whether it
-- is unique, valid, and plain (one key column, that column, nothing included, no expression,
-- no predicate), whether it has expressions, whether a predicate; its access method, its
-- operator class (schema, name, whether the type's default), its collation where not the
-- column's (schema, name), DESC and NULLS FIRST, its storage parameters (a JSON array of
-- "name=value"), its tablespace (none: the database's default), NULLS NOT DISTINCT, and whether
-- it is the table's replica identity (REPLICA IDENTITY USING INDEX).
SELECT i.relname AS name, x.indisunique, x.indisvalid,
       (x.indnatts OPERATOR(pg_catalog.=) 1 AND x.indnkeyatts OPERATOR(pg_catalog.=) 1
        AND x.indkey[0] OPERATOR(pg_catalog.=) $2::pg_catalog.int2
        AND x.indexprs IS NULL AND x.indpred IS NULL) AS plain,
       x.indexprs IS NOT NULL AS expressions, x.indpred IS NOT NULL AS partial,
       am.amname, ocn.nspname AS opclass_schema, oc.opcname, oc.opcdefault,
       CASE WHEN x.indcollation[0] OPERATOR(pg_catalog.<>) a.attcollation THEN cn.nspname END
           AS collation_schema,
       CASE WHEN x.indcollation[0] OPERATOR(pg_catalog.<>) a.attcollation THEN co.collname END
           AS collation_name,
       (x.indoption[0]::pg_catalog.int4 OPERATOR(pg_catalog.&) 1) OPERATOR(pg_catalog.<>) 0
           AS descending,
       (x.indoption[0]::pg_catalog.int4 OPERATOR(pg_catalog.&) 2) OPERATOR(pg_catalog.<>) 0
           AS nulls_first,
       pg_catalog.to_json(COALESCE(i.reloptions, '{}'::pg_catalog.text[]))::pg_catalog.text
           AS options,
       ts.spcname, x.indnullsnotdistinct, x.indisreplident
FROM pg_catalog.pg_index AS x
JOIN pg_catalog.pg_class AS i ON i.oid OPERATOR(pg_catalog.=) x.indexrelid
JOIN pg_catalog.pg_am AS am ON am.oid OPERATOR(pg_catalog.=) i.relam
LEFT JOIN pg_catalog.pg_opclass AS oc ON oc.oid OPERATOR(pg_catalog.=) x.indclass[0]
LEFT JOIN pg_catalog.pg_namespace AS ocn ON ocn.oid OPERATOR(pg_catalog.=) oc.opcnamespace
LEFT JOIN pg_catalog.pg_attribute AS a
  ON a.attrelid OPERATOR(pg_catalog.=) x.indrelid AND a.attnum OPERATOR(pg_catalog.=) x.indkey[0]
LEFT JOIN pg_catalog.pg_collation AS co ON co.oid OPERATOR(pg_catalog.=) x.indcollation[0]
LEFT JOIN pg_catalog.pg_namespace AS cn ON cn.oid OPERATOR(pg_catalog.=) co.collnamespace
LEFT JOIN pg_catalog.pg_tablespace AS ts ON ts.oid OPERATOR(pg_catalog.=) i.reltablespace
WHERE x.indrelid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
  AND ($2::pg_catalog.int2 OPERATOR(pg_catalog.=) ANY (x.indkey::pg_catalog.int2[])
       OR EXISTS (SELECT FROM pg_catalog.pg_depend AS d
                  WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND d.objid OPERATOR(pg_catalog.=) x.indexrelid
                    AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND d.refobjid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
                    AND d.refobjsubid OPERATOR(pg_catalog.=) $2::pg_catalog.int4))
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint AS k
                  WHERE k.conindid OPERATOR(pg_catalog.=) x.indexrelid
                    AND k.conrelid OPERATOR(pg_catalog.=) $1::pg_catalog.oid)
ORDER BY i.relname
