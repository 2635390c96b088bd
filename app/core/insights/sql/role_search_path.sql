-- For the rest of this transaction only: the search_path the role $1 that ran a statement gets
-- in this database, so the statement's names resolve as they did for it. For the session's
-- own login role its reset value; for another, as the server applies settings at login: its
-- setting for this database, else its own, else the database's, else the one for all roles
-- (ALTER ROLE ALL SET), else the configuration file's (the session's reset value when no such
-- setting applies to the session's role either), else the built-in default. Its "$user" is
-- the role the transaction acts as (GenericPlan::actAs), so the text is kept as written.
WITH applying AS (
    SELECT c.setting, s.setrole, s.setdatabase, r.rolname
    FROM pg_catalog.pg_db_role_setting s
    CROSS JOIN LATERAL unnest(s.setconfig) c(setting)
    LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
    LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
    WHERE c.setting LIKE E'search\\_path=%'
      AND (d.datname = current_database() OR s.setdatabase = 0)
)
SELECT pg_catalog.set_config(
           'search_path',
           coalesce(CASE WHEN $1::text IS NULL OR $1::text = session_user
                         THEN (SELECT s.reset_val FROM pg_catalog.pg_settings s
                               WHERE s.name = 'search_path') END,
                    (SELECT substr(a.setting, length('search_path=') + 1)
                     FROM applying a
                     WHERE a.rolname = $1::text OR a.setrole = 0
                     ORDER BY (a.setrole <> 0 AND a.setdatabase <> 0) DESC,
                              (a.setrole <> 0) DESC,
                              (a.setdatabase <> 0) DESC
                     LIMIT 1),
                    (SELECT s.reset_val FROM pg_catalog.pg_settings s
                     WHERE s.name = 'search_path'
                       AND NOT EXISTS (SELECT 1 FROM applying a
                                       WHERE a.rolname = session_user OR a.setrole = 0)),
                    (SELECT s.boot_val FROM pg_catalog.pg_settings s
                     WHERE s.name = 'search_path')),
           true)
