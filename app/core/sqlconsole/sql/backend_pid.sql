-- The server process of the session (behind a connection pooler PQbackendPID names the
-- pooler's client, not the server process that holds the transaction).
SELECT pg_catalog.pg_backend_pid()
