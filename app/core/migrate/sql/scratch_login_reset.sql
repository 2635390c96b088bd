-- The scratch login's own settings (ALTER ROLE ... SET, which a migration run as it may make)
-- cleared, before a proof and after it: a proof's migrations never steer the next one.
ALTER ROLE %ROLE% RESET ALL
