-- Whose code planning a statement here could run with more rights than its owner's: the
-- statement's role (CURRENT_USER once GenericPlan::actAs acted as it, on the seat PlanningLogins
-- chose, whose login has no more rights than that role). The planner folds
-- immutable functions of constants, evaluates stable ones while estimating (and with them a
-- type's input, a domain's CHECK), and inlines functions, defaults, casts, operators, views,
-- rules and policies. Acting as the statement's role does not contain that code: it may set the
-- role back to the login role. A role that is not a superuser, not the statement's role and
-- has not that role's privileges already is "lesser"; while the database holds any code of one
-- that planning could reach, no statement is planned:
--   a function (procedure, aggregate) outside pg_catalog and information_schema;
--   a rule or view (pg_rewrite: its action and its WHERE) of a relation it owns;
--   a domain it owns with a CHECK or a default (a literal or a type's input reads it);
--   a view, policy, column default or CHECK of its that calls a function running the SQL it is
--   given ($1: QueryRunningFunctions; table_to_xml is STABLE and runs a view's query).
-- Checked before anything is resolved under a statement's search_path, and again after the
-- PREPARE, right before the plan. NULL when none; else the first one found.
WITH untrusted AS (
    SELECT o.oid, o.rolname
      FROM pg_catalog.pg_roles o
     WHERE NOT o.rolsuper
       AND o.rolname OPERATOR(pg_catalog.<>) CURRENT_USER
       AND NOT pg_catalog.pg_has_role(o.oid, CURRENT_USER, 'USAGE')
),
running_sql AS (
    SELECT p.oid, p.oid::pg_catalog.regprocedure::pg_catalog.text AS proc
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
     WHERE (n.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
            AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
                SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb
                           OPERATOR(pg_catalog.->) 'names'))::pg_catalog.name[]))
        OR p.proname::pg_catalog.text OPERATOR(pg_catalog.~~) ANY (ARRAY(
                SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb
                           OPERATOR(pg_catalog.->) 'prefixes') OPERATOR(pg_catalog.||) '%'))
        -- a C function of any name whose library and symbol run SQL (a wrapper of crosstab)
        OR (p.probin IS NOT NULL
            AND pg_catalog.concat(pg_catalog.regexp_replace(p.probin, '^.*/|[.]so$', '', 'g'), ':',
                                  p.prosrc)
                OPERATOR(pg_catalog.~~) ANY (ARRAY(
                    SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb
                               OPERATOR(pg_catalog.->) 'symbols') OPERATOR(pg_catalog.||) '%')))
),
trees AS (
    SELECT c.relowner AS owner, pg_catalog.format('view %s', c.oid::pg_catalog.regclass) AS what,
           pg_catalog.concat_ws(' ', r.ev_action::pg_catalog.text, r.ev_qual::pg_catalog.text) AS tree
      FROM pg_catalog.pg_rewrite r
      JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.ev_class
  UNION ALL
    SELECT c.relowner, pg_catalog.format('policy %s on %s', p.polname, c.oid::pg_catalog.regclass),
           pg_catalog.concat_ws(' ', p.polqual::pg_catalog.text, p.polwithcheck::pg_catalog.text)
      FROM pg_catalog.pg_policy p
      JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) p.polrelid
  UNION ALL
    SELECT c.relowner, pg_catalog.format('the default of %s', c.oid::pg_catalog.regclass),
           d.adbin::pg_catalog.text
      FROM pg_catalog.pg_attrdef d
      JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.adrelid
  UNION ALL
    SELECT COALESCE(c.relowner, t.typowner),
           pg_catalog.format('constraint %s', k.conname), k.conbin::pg_catalog.text
      FROM pg_catalog.pg_constraint k
      LEFT JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) k.conrelid
      LEFT JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) k.contypid
     WHERE k.conbin IS NOT NULL
)
SELECT refusal FROM (
    (SELECT pg_catalog.format('role %s owns %s (and %s more function(s) the console does not run '
                              'as role %s)',
                              q.rolname, q.proc, q.others, CURRENT_USER) AS refusal, 1 AS rank
       FROM (SELECT u.rolname,
                    p.oid::pg_catalog.regprocedure::pg_catalog.text AS proc,
                    pg_catalog.count(*) OVER () OPERATOR(pg_catalog.-) 1 AS others
               FROM pg_catalog.pg_proc p
               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
               JOIN untrusted u ON u.oid OPERATOR(pg_catalog.=) p.proowner
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
              ORDER BY u.rolname, p.oid
              LIMIT 1) q)
  UNION ALL
    (SELECT pg_catalog.format('role %s owns %s %s (code planning could run with the rights of '
                              'role %s)', u.rolname,
                              CASE WHEN c.relkind OPERATOR(pg_catalog.=) 'v' THEN 'the view'
                                   ELSE 'a rule on' END,
                              c.oid::pg_catalog.regclass, CURRENT_USER),
            2
       FROM pg_catalog.pg_rewrite r
       JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.ev_class
       JOIN untrusted u ON u.oid OPERATOR(pg_catalog.=) c.relowner
      ORDER BY u.rolname, c.oid
      LIMIT 1)
  UNION ALL
    (SELECT pg_catalog.format('role %s owns the domain %s, whose CHECK or default a literal or a '
                              'type''s input runs (with the rights of role %s)', u.rolname,
                              pg_catalog.format_type(t.oid, NULL), CURRENT_USER),
            3
       FROM pg_catalog.pg_type t
       JOIN untrusted u ON u.oid OPERATOR(pg_catalog.=) t.typowner
      WHERE t.typtype OPERATOR(pg_catalog.=) 'd'
        AND (t.typdefaultbin IS NOT NULL
             OR EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                         WHERE k.contypid OPERATOR(pg_catalog.=) t.oid))
      ORDER BY u.rolname, t.oid
      LIMIT 1)
  UNION ALL
    (SELECT pg_catalog.format('role %s owns %s, which calls %s: it runs the SQL it is given with '
                              'the rights of role %s', u.rolname, t.what, s.proc, CURRENT_USER),
            4
       FROM trees t
       JOIN untrusted u ON u.oid OPERATOR(pg_catalog.=) t.owner
       JOIN running_sql s
         ON t.tree OPERATOR(pg_catalog.~) (' :funcid ' OPERATOR(pg_catalog.||) s.oid::pg_catalog.text
                                           OPERATOR(pg_catalog.||) ' ')
      ORDER BY u.rolname, t.what
      LIMIT 1)
) found
ORDER BY rank
LIMIT 1
