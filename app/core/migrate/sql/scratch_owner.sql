-- A scratch database (ScratchDatabase) handed to the sandbox's non-superuser scratch login,
-- which then runs the migrations it proves: code from a repository it imports runs with no more
-- rights than a database owner's.
ALTER DATABASE %DATABASE% OWNER TO %ROLE%
