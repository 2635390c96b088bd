-- Whose code planning a statement here could run with the console's rights: the planner folds
-- immutable functions of constants and inlines functions, defaults, casts, operators, views and
-- policies, and any user code it could reach is a function. A function (procedure, aggregate)
-- of this database outside pg_catalog and information_schema whose owner is not a superuser,
-- not the connected role and not the database's owner is code of a role with fewer rights:
-- while one exists no statement is planned. NULL when none; else the role, the function and
-- how many more there are.
SELECT pg_catalog.format('role %s owns %s (and %s more function(s) the console does not run as '
                         'role %s)',
                         q.rolname, q.proc, q.others, current_user) AS refusal
FROM (SELECT o.rolname,
             p.oid::pg_catalog.regprocedure::text AS proc,
             pg_catalog.count(*) OVER () - 1 AS others
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT o.rolsuper
        AND o.rolname <> current_user
        AND p.proowner <> (SELECT d.datdba FROM pg_catalog.pg_database d
                           WHERE d.datname = current_database())
      ORDER BY o.rolname, p.oid
      LIMIT 1) q
