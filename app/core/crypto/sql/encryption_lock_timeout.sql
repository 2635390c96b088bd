-- $1: how long to wait for the table locks ('10000ms'), for this transaction only.
SELECT set_config('lock_timeout', $1, true)
