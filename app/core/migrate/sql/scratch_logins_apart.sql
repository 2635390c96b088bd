-- The scratch logins no members of each other (ScratchDatabase: code run as one must not end
-- the other's sessions, which a member may): a membership an earlier version made (it made the
-- scratch login a member of every bare role a migration named, which could have been the other
-- login's name) is taken back, as the sandbox's superuser, before the next proof runs. A
-- membership that is not there is a warning, no error.
REVOKE %ROLE% FROM %LOGIN%
