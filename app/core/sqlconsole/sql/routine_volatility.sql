-- What the SQL console's statements name, by name in every schema, for the verdict where the server cannot resolve them (a hot standby, no TEMP privilege): the volatility of the functions and operators they call ($1: a JSON array of function names, $2: of operator names), whether each is another role's code (other_owner: its owner lacks the caller's rights, not the catalog's, not a trusted extension's), and the views and tables with row security of that name outside the catalog ($3: a JSON array of relation names), whose code only a resolution could walk. Everything is schema-qualified, operators included, so no search_path can put another object in its place.
WITH named(kind, name, schema, volatility, owner, catalog, oid, relkind, rls) AS (
    SELECT 'f', p.proname, n.nspname, p.provolatile, p.proowner, 'pg_catalog.pg_proc'::pg_catalog.regclass,
           p.oid, NULL::pg_catalog."char", false
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
     WHERE p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
               SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))::pg_catalog.name[])
  UNION ALL
    SELECT 'o', o.oprname, n.nspname, p.provolatile, p.proowner, 'pg_catalog.pg_proc'::pg_catalog.regclass,
           p.oid, NULL, false
      FROM pg_catalog.pg_operator o
      JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.oprnamespace
      JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) o.oprcode::pg_catalog.oid
     WHERE o.oprname OPERATOR(pg_catalog.=) ANY (ARRAY(
               SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb))::pg_catalog.name[])
  UNION ALL
    SELECT 'r', c.relname, n.nspname, NULL, c.relowner, 'pg_catalog.pg_class'::pg_catalog.regclass,
           c.oid, c.relkind, c.relrowsecurity
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
     WHERE c.relname OPERATOR(pg_catalog.=) ANY (ARRAY(
               SELECT pg_catalog.jsonb_array_elements_text($3::pg_catalog.jsonb))::pg_catalog.name[])
       AND n.nspname OPERATOR(pg_catalog.<>) ALL (ARRAY['pg_catalog', 'information_schema']::pg_catalog.name[])
       AND (c.relkind OPERATOR(pg_catalog.=) 'v' OR c.relrowsecurity)
)
SELECT named.kind, named.name, named.schema, named.volatility, named.relkind, named.rls,
       pg_catalog.pg_get_userbyid(named.owner) AS owner,
       (named.schema OPERATOR(pg_catalog.<>) ALL (ARRAY['pg_catalog', 'information_schema']::pg_catalog.name[])
        AND NOT pg_catalog.pg_has_role(named.owner, CURRENT_USER, 'USAGE')
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
                         WHERE d.classid OPERATOR(pg_catalog.=) named.catalog
                           AND d.objid OPERATOR(pg_catalog.=) named.oid
                           AND d.deptype OPERATOR(pg_catalog.=) 'e'
                           AND pg_catalog.pg_has_role(e.extowner, CURRENT_USER, 'USAGE')))
           AS other_owner
  FROM named
