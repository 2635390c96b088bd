-- Bounds the cascade count of a save preview ($1: milliseconds): each statement, and each wait
-- for a row lock, stops after that long, in this transaction only.
SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $1, true)
