-- For the rest of this transaction only: the search_path the role $1 that ran a statement gets
-- in this database, so the statement's names resolve as they did for it: for the connected
-- role its session's own (pg_settings.reset_val), for another its setting for this database,
-- else its own, else the database's, else the server's built-in default. For another role an
-- element "$user" is that role's name, quoted (left as written it would be the console's).
WITH chosen AS (
    SELECT $1::text IS NULL OR $1::text = current_user AS own,
           coalesce(CASE WHEN $1::text IS NULL OR $1::text = current_user
                         THEN (SELECT s.reset_val FROM pg_catalog.pg_settings s
                               WHERE s.name = 'search_path') END,
                    (SELECT substr(c.setting, length('search_path=') + 1)
                     FROM pg_catalog.pg_db_role_setting s
                     CROSS JOIN LATERAL unnest(s.setconfig) c(setting)
                     LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
                     LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                     WHERE c.setting LIKE 'search\_path=%'
                       AND (r.rolname = $1::text OR s.setrole = 0)
                       AND (d.datname = current_database() OR s.setdatabase = 0)
                       AND NOT (s.setrole = 0 AND s.setdatabase = 0)
                     ORDER BY (s.setrole <> 0 AND s.setdatabase <> 0) DESC,
                              (s.setrole <> 0) DESC
                     LIMIT 1),
                    (SELECT s.boot_val FROM pg_catalog.pg_settings s
                     WHERE s.name = 'search_path')) AS path
)
SELECT pg_catalog.set_config(
           'search_path',
           CASE WHEN own THEN path
                ELSE coalesce((SELECT string_agg(CASE WHEN btrim(e.item) IN ('"$user"', '$user')
                                                      THEN quote_ident($1::text)
                                                      ELSE e.item END,
                                                 ',' ORDER BY e.n)
                               FROM unnest(string_to_array(path, ',')) WITH ORDINALITY e(item, n)),
                              '') END,
           true)
  FROM chosen
