-- The SQL console's session settings, pinned before every run: its statement timeout
-- (milliseconds, 0 = none) and standard_conforming_strings on, as the statement splitter and
-- the guards read the text (off, a backslash would end a string literal elsewhere than they see).
SELECT pg_catalog.set_config('statement_timeout', $1, false),
       pg_catalog.set_config('standard_conforming_strings', 'on', false)
