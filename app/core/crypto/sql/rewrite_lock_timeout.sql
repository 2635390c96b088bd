-- $1: how long VACUUM FULL waits for its locks ('10000ms'), for this session; reset after.
SELECT set_config('lock_timeout', $1, false)
