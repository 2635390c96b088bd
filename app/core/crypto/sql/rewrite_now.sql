-- The time the rewrite starts, after the conversion committed.
SELECT pg_catalog.clock_timestamp()::pg_catalog.text
