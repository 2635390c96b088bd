-- The console's own sessions on the current database, seen from another session (the screenshot
-- mode checks that every one is a Session's QSqlDatabase connection): how many there are, and their
-- application names. Another database's sessions (a test beside it on the same server) are not
-- counted.
SELECT count(*) AS backends,
       coalesce(string_agg(application_name, ', ' ORDER BY application_name), '') AS names
FROM pg_catalog.pg_stat_activity
WHERE application_name LIKE 'uaip-admin%'
  AND pid <> pg_catalog.pg_backend_pid()
  AND datname = pg_catalog.current_database()
