-- Whose code planning a statement here could run with the session's rights: the planner folds
-- immutable functions of constants and inlines functions, defaults, casts, operators, views and
-- policies, and any user code it could reach is a function. Acting as the statement's role
-- (GenericPlan::actAs) does not contain that code: PostgreSQL lets it set the role back, since
-- what SET ROLE allows is decided by the session's login role. So a function (procedure,
-- aggregate) of this database outside pg_catalog and information_schema whose owner is not a
-- superuser, not the session's login role and has not that role's privileges already is code
-- that would gain them: while one exists no statement is planned. Checked before anything is
-- resolved under a statement's search_path, and again after the PREPARE, right before the plan.
-- NULL when none; else the role, the function and how many more there are.
SELECT pg_catalog.format('role %s owns %s (and %s more function(s) the console does not run as '
                         'role %s)',
                         q.rolname, q.proc, q.others, session_user) AS refusal
FROM (SELECT o.rolname,
             p.oid::pg_catalog.regprocedure::text AS proc,
             pg_catalog.count(*) OVER () - 1 AS others
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT o.rolsuper
        AND o.rolname <> session_user
        AND NOT pg_catalog.pg_has_role(o.oid, session_user, 'USAGE')
      ORDER BY o.rolname, p.oid
      LIMIT 1) q
