-- After session_reset_all.sql: the runner's own settings for the rest of the run.
-- $1 = lock_timeout; PostgreSQL 14+ also notices a dead client within a second.
SELECT pg_catalog.set_config('lock_timeout', $1, false),
       CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 140000
            THEN pg_catalog.set_config('client_connection_check_interval', '1000', false) END
