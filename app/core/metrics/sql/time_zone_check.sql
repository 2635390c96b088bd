-- Whether the server knows the time zone given as the parameter: fails with 22023
-- (invalid_parameter_value) when it does not. Asked after a metrics query failed with 22023,
-- so the answer never rests on the words of the server's message (translated by lc_messages).
SELECT pg_catalog.now() AT TIME ZONE $1::text
