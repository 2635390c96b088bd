-- Sessions of this database in a transaction that began before $1 (a time after the
-- conversion committed) and hold a snapshot: VACUUM FULL keeps every row version they may
-- still see, the plain ones included. Autovacuum's ANALYZE counts too.
SELECT count(*)
FROM pg_stat_activity
WHERE datname = current_database()
  AND pid <> pg_backend_pid()
  AND backend_xmin IS NOT NULL
  AND xact_start < $1::timestamptz
