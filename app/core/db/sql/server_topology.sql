-- What this connection reached, in one statement (ServerTopology::read): the backend's pid (a
-- pooler hands the client a pid of its own at connect, so the two differ behind one), whether
-- the server is a standby and of which primary (primary_conninfo is visible only to superusers
-- and pg_read_all_settings members; otherwise the WAL receiver's sender, which is NULL for
-- roles without pg_read_all_stats), and whether transactions are read-only on this connection.
SELECT pg_catalog.pg_backend_pid() AS pid,
       pg_catalog.pg_is_in_recovery() AS in_recovery,
       pg_catalog.current_setting('transaction_read_only') AS transaction_read_only,
       pg_catalog.current_setting('default_transaction_read_only') AS default_read_only,
       (SELECT s.setting FROM pg_catalog.pg_settings s
         WHERE s.name OPERATOR(pg_catalog.=) 'primary_conninfo') AS primary_conninfo,
       (SELECT w.sender_host FROM pg_catalog.pg_stat_wal_receiver w) AS sender_host,
       (SELECT w.sender_port FROM pg_catalog.pg_stat_wal_receiver w) AS sender_port
