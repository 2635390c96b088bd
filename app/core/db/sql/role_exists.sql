-- Whether a role of the given name exists (Sandbox::ensureLoginRole).
SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1
