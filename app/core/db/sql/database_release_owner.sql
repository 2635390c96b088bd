-- A database of the sandbox about to be dropped (SandboxSuperuser::dropDatabase), first handed
-- to the superuser dropping it: its owner (a scratch database's is the scratch login, which runs
-- code the user did not write) can then no longer set its flags again before the drop.
ALTER DATABASE %DATABASE% OWNER TO CURRENT_USER
