-- The session that drops a scratch database without its client waiting (ScratchDatabase): it
-- never checks whether the client is still there (PostgreSQL 14 and later may), so the drop
-- runs to its end once sent, whatever becomes of the console.
SET client_connection_check_interval = 0
