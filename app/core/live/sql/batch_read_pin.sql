-- Before the key reads of a batched statement (BackfillRunner), in their own transaction: the
-- keys come back in one spelling whatever the session or the script set (ISO dates, every
-- float digit, hex bytea), so a position written now reads back the same on any resume.
-- $1: statement_timeout for this transaction (NULL: the session's).
SELECT pg_catalog.set_config('DateStyle', 'ISO, YMD', true),
       pg_catalog.set_config('IntervalStyle', 'postgres', true),
       pg_catalog.set_config('extra_float_digits', '3', true),
       pg_catalog.set_config('bytea_output', 'hex', true),
       pg_catalog.set_config('statement_timeout',
                             COALESCE($1::pg_catalog.text,
                                      pg_catalog.current_setting('statement_timeout')), true)
