-- Why planning a statement could run code a less trusted role wrote, as the console's role
-- (the planner folds immutable functions of constants and expands views, so a function written
-- by another role would run with the console's rights); NULL when it could not. $1: the oids
-- of the relations the statement reads (a JSON array), $2: the names of the functions it calls,
-- $3: the operators it uses (JSON arrays). Trusted: code of pg_catalog, of a superuser, or of
-- the console's own role. Looked at: functions and operators of those names outside
-- pg_catalog; for each relation, and for the views under it, every function its rewrite rules,
-- indexes, constraints, policies, extended statistics or partition key depend on.
WITH RECURSIVE rels(oid) AS (
    SELECT json_array_elements_text($1::json)::oid
    UNION
    SELECT d.refobjid
    FROM rels r
    JOIN pg_catalog.pg_rewrite w ON w.ev_class = r.oid
    JOIN pg_catalog.pg_depend d
      ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = w.oid
     AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> r.oid
),
objects(classid, objid) AS (
    SELECT 'pg_catalog.pg_class'::regclass, r.oid FROM rels r
    UNION ALL
    SELECT 'pg_catalog.pg_class'::regclass, i.indexrelid
    FROM pg_catalog.pg_index i JOIN rels r ON r.oid = i.indrelid
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::regclass, c.oid
    FROM pg_catalog.pg_constraint c JOIN rels r ON r.oid = c.conrelid
    UNION ALL
    SELECT 'pg_catalog.pg_rewrite'::regclass, w.oid
    FROM pg_catalog.pg_rewrite w JOIN rels r ON r.oid = w.ev_class
    UNION ALL
    SELECT 'pg_catalog.pg_policy'::regclass, p.oid
    FROM pg_catalog.pg_policy p JOIN rels r ON r.oid = p.polrelid
    UNION ALL
    SELECT 'pg_catalog.pg_statistic_ext'::regclass, s.oid
    FROM pg_catalog.pg_statistic_ext s JOIN rels r ON r.oid = s.stxrelid
),
untrusted(proc) AS (
    SELECT p.oid
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT o.rolsuper
      AND o.rolname <> current_user
)
SELECT coalesce(
    (SELECT format('it calls %s, a function of role %s', p.oid::regprocedure, o.rolname)
     FROM pg_catalog.pg_proc p
     JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
     WHERE p.oid IN (SELECT proc FROM untrusted)
       AND p.proname IN (SELECT json_array_elements_text($2::json))
     LIMIT 1),
    (SELECT format('it uses operator %s of role %s', x.oid::regoperator, o.rolname)
     FROM pg_catalog.pg_operator x
     JOIN pg_catalog.pg_roles o ON o.oid = x.oprowner
     WHERE x.oprname IN (SELECT json_array_elements_text($3::json))
       AND x.oprcode::oid IN (SELECT proc FROM untrusted)
     LIMIT 1),
    (SELECT format('planning %s runs %s, a function of role %s',
                   pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid),
                   p.oid::regprocedure, o.rolname)
     FROM objects b
     JOIN pg_catalog.pg_depend d ON d.classid = b.classid AND d.objid = b.objid
     JOIN pg_catalog.pg_proc p
       ON d.refclassid = 'pg_catalog.pg_proc'::regclass AND p.oid = d.refobjid
     JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
     WHERE p.oid IN (SELECT proc FROM untrusted)
     LIMIT 1)) AS refusal
