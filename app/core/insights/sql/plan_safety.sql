-- Whose code planning a statement here could run with the rights of the role the planning
-- transaction acts as (current_user: the role that ran the statement, GenericPlan::actAs): the
-- planner folds immutable functions of constants and inlines functions, defaults, casts,
-- operators, views and policies, and any user code it could reach is a function. A function
-- (procedure, aggregate) of this database outside pg_catalog and information_schema whose
-- owner is not a superuser and not that role, nor (for a role that is not a superuser) the
-- database's owner, is code of a role that would gain that role's rights: while one exists the
-- statement is not planned. Checked again after the statement is prepared, in the same
-- transaction, right before it is planned. NULL when none; else the role, the function and how
-- many more there are.
SELECT pg_catalog.format('role %s owns %s (and %s more function(s) not run as role %s)',
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
        AND (p.proowner <> (SELECT d.datdba FROM pg_catalog.pg_database d
                            WHERE d.datname = current_database())
             OR (SELECT a.rolsuper FROM pg_catalog.pg_roles a
                 WHERE a.rolname = current_user))
      ORDER BY o.rolname, p.oid
      LIMIT 1) q
