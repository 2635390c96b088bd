-- Sessions of this database in a transaction that began before $1 (a time after the
-- conversion committed) and hold a snapshot: VACUUM FULL keeps every row version they may
-- still see, the plain ones included. Autovacuum's ANALYZE counts too.
SELECT pg_catalog.count(*)
FROM pg_catalog.pg_stat_activity a
WHERE a.datname OPERATOR(pg_catalog.=) pg_catalog.current_database()
  AND a.pid OPERATOR(pg_catalog.<>) pg_catalog.pg_backend_pid()
  AND a.backend_xmin IS NOT NULL
  AND a.xact_start OPERATOR(pg_catalog.<) $1::pg_catalog.timestamptz
