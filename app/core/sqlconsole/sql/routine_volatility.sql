-- The volatility of the functions and operators the SQL console's statements call, by name in
-- every schema ($1: a JSON array of function names, $2: of operator names). Everything is
-- schema-qualified, operators included, so no search_path can put another object in its place.
SELECT 'f' AS kind, p.proname AS name, n.nspname AS schema, p.provolatile AS volatility
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
 WHERE p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
           SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))::pg_catalog.name[])
UNION ALL
SELECT 'o', o.oprname, n.nspname, p.provolatile
  FROM pg_catalog.pg_operator o
  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.oprnamespace
  JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) o.oprcode::pg_catalog.oid
 WHERE o.oprname OPERATOR(pg_catalog.=) ANY (ARRAY(
           SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb))::pg_catalog.name[])
