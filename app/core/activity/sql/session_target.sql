-- The client session a cancel or terminate is aimed at: its database and whether the server
-- is read-only for the acting session (default_transaction_read_only or a read-only
-- transaction).
SELECT a.pid, coalesce(a.datname, '') AS datname, coalesce(a.usename, '') AS usename,
       current_setting('default_transaction_read_only') = 'on'
           OR current_setting('transaction_read_only') = 'on' AS read_only
FROM pg_stat_activity a
WHERE a.pid = $1::int AND a.backend_type = 'client backend'
