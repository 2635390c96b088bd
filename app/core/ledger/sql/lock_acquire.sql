SELECT pg_catalog.pg_advisory_lock($1::int, $2::int)
