-- The SQL console's statement timeout for its session (milliseconds, 0 = none).
SELECT set_config('statement_timeout', $1, false)
