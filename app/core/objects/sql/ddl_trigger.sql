-- The statements that create one trigger of a table or view (ObjectDdl), as pg_dump -s writes
-- them: the server's pg_get_triggerdef, then ALTER TABLE ... DISABLE / ENABLE REPLICA / ENABLE
-- ALWAYS TRIGGER when it is not simply enabled, and its comment. Parameter: the trigger's oid.
-- Run with search_path empty. Columns: ord, statement.
WITH t AS (
    SELECT g.oid, g.tgname, g.tgenabled,
           pg_catalog.format('%I.%I', n.nspname, c.relname) AS tname
    FROM pg_catalog.pg_trigger g
    JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE g.oid = $1::pg_catalog.oid AND NOT g.tgisinternal
)
SELECT 10 AS ord, pg_catalog.pg_get_triggerdef(t.oid, false) || ';' AS statement
FROM t
UNION ALL
SELECT 20, pg_catalog.format(CASE t.tgenabled WHEN 'D' THEN 'ALTER TABLE %s DISABLE TRIGGER %I;'
                                              WHEN 'R' THEN 'ALTER TABLE %s ENABLE REPLICA TRIGGER %I;'
                                              ELSE 'ALTER TABLE %s ENABLE ALWAYS TRIGGER %I;' END,
                             t.tname, t.tgname)
FROM t WHERE t.tgenabled <> 'O'
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON TRIGGER %I ON %s IS %L;', t.tgname, t.tname,
                             d.description)
FROM t JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objoid = t.oid
ORDER BY ord
