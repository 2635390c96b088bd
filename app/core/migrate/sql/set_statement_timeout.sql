SELECT pg_catalog.set_config('statement_timeout', $1, $2::boolean)
