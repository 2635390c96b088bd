-- Before taking the migration lock: wait for it at most $1 (lock_timeout applies to advisory
-- locks too); PostgreSQL 14+ also notices within a second when the runner's process dies
-- (kill -9, lost network), so its transaction rolls back and the lock is released promptly.
SELECT pg_catalog.set_config('lock_timeout', $1, false),
       CASE WHEN pg_catalog.current_setting('server_version_num')::int OPERATOR(pg_catalog.>=) 140000
            THEN pg_catalog.set_config('client_connection_check_interval', '1000', false) END
