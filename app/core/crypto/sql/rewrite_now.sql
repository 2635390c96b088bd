-- The time the rewrite starts, after the conversion committed.
SELECT clock_timestamp()::text
