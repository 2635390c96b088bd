-- A role a proven migration names (GRANT ... TO, OWNER TO) made on the sandbox by its
-- superuser: NOLOGIN and without rights, the scratch login a member of it so that the migration
-- may hand it objects. Several proofs may run at once: a role made meanwhile is fine.
CREATE ROLE %ROLE% NOLOGIN
