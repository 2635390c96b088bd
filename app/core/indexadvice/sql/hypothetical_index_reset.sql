-- Forgets every hypothetical index of this session (hypopg, its schema written in for
-- SCHEMA).
SELECT %SCHEMA%.hypopg_reset()
