-- The scratch login a member of a role a proven migration names (scratch_role.sql).
GRANT %ROLE% TO %LOGIN%
