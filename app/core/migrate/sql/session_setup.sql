-- PostgreSQL 14+: notice within a second when the runner's process dies (kill -9, lost
-- network), so its transaction rolls back and the migration lock is released promptly.
SELECT set_config('client_connection_check_interval', '1000', false)
