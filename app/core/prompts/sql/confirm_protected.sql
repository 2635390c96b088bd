-- The caller confirmed (typed the database name) moving, removing or unprotecting protected
-- labels: migration 0018's label trigger lets this transaction do it.
SELECT set_config('uaip.confirm_protected', 'on', true)
