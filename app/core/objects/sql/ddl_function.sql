-- The statements that create one function or procedure (ObjectCatalog::ddl): the server's
-- pg_get_functiondef, whose text always begins "CREATE OR REPLACE ", written as pg_dump -s
-- writes it, "CREATE FUNCTION" / "CREATE PROCEDURE" (that prefix dropped, nothing else
-- changed), then its comment (identified with its arguments' names, as pg_dump does).
-- Parameter: the oid. Run with search_path empty. Columns: ord, statement.
WITH fn AS (
    SELECT p.oid, p.prokind,
           pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                             pg_catalog.pg_get_function_identity_arguments(p.oid)) AS signature,
           pg_catalog.rtrim(pg_catalog.pg_get_functiondef(p.oid), E'\n') AS def
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.oid = $1::pg_catalog.oid AND p.prokind IN ('f', 'p', 'w')
)
SELECT 10 AS ord,
       CASE WHEN pg_catalog.starts_with(f.def, 'CREATE OR REPLACE ')
            THEN 'CREATE ' || pg_catalog.substr(f.def, 19) ELSE f.def END || ';' AS statement
FROM fn f
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON %s %s IS %L;',
                             CASE f.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                             f.signature, d.description)
FROM fn f JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objoid = f.oid
ORDER BY ord
