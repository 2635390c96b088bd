-- Session settings of the rollback preview's transaction: $1 = lock_timeout.
SELECT set_config('lock_timeout', $1, true)
