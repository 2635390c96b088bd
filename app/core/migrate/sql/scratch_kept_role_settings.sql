-- A kept database taken for a proof: the scratch login's own settings in it (ALTER ROLE
-- CURRENT_USER IN DATABASE ... SET, which it may run) cleared before any session connects to
-- it. (Another role's, and those of every role in it, only a superuser may set.)
ALTER ROLE %ROLE% IN DATABASE %DATABASE% RESET ALL
