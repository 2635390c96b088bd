-- The scratch logins no members of each other (ScratchDatabase: code run as one must not end
-- the other's sessions, which a member may): what a proof's code granted (PostgreSQL 15 lets a
-- login grant itself) is taken back, as the sandbox's superuser, before the next proof runs. A
-- membership that is not there is a warning, no error.
REVOKE %ROLE% FROM %LOGIN%
