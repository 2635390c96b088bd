-- A kept database taken for a proof (ScratchDatabase::takeKept), from the maintenance database
-- as the sandbox's superuser: what its owner, the scratch login that runs code the user did not
-- write, may have set on it since it was kept is set back (a template is never dropped; one
-- that takes no connection cannot be proved on).
ALTER DATABASE %DATABASE% WITH IS_TEMPLATE false ALLOW_CONNECTIONS true CONNECTION LIMIT -1
