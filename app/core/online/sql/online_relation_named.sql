-- Whether a relation (of any kind: a table, view, index, sequence, ...) or a type has the name
-- $2 in the schema $1 (both unquoted): the name a renamed table would take. One row when so.
SELECT 1
FROM pg_catalog.pg_namespace AS n
WHERE n.nspname OPERATOR(pg_catalog.=) $1::pg_catalog.text
  AND (EXISTS (SELECT FROM pg_catalog.pg_class AS c
               WHERE c.relnamespace OPERATOR(pg_catalog.=) n.oid
                 AND c.relname OPERATOR(pg_catalog.=) $2::pg_catalog.text)
       OR EXISTS (SELECT FROM pg_catalog.pg_type AS t
                  WHERE t.typnamespace OPERATOR(pg_catalog.=) n.oid
                    AND t.typname OPERATOR(pg_catalog.=) $2::pg_catalog.text))
