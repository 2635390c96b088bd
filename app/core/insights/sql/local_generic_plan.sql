-- For the rest of this transaction only: plan prepared statements for any parameter values
-- (their generic plan), as a normalized statement's $n leave them unknown.
SELECT pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true)
