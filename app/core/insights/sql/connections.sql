-- The server's connection slots: max_connections, the ones kept for superusers, the client
-- backends in use (every database), and the oldest idle-in-transaction session's age (ms).
SELECT current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS reserved,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.backend_type = 'client backend')
           AS in_use
