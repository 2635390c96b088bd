-- The pause between two attempts of a migration's lock (LockRetry), on the server: a Cancel
-- ends it like any statement. $1: milliseconds.
SELECT pg_catalog.pg_sleep($1::pg_catalog.float8 OPERATOR(pg_catalog./) 1000)
