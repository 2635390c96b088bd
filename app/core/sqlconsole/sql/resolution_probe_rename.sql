-- The read-only guard's probe view of one statement of a batch, kept under a name of its own
-- until the walk (StatementResolution, rolled back with it); the name ends with its place in
-- the batch, a number the console makes (1, 2, ...), so at most one name per place ever reaches
-- pg_stat_statements.
ALTER VIEW pg_temp.uaip_resolution_probe RENAME TO "uaip_resolution_probe_%NUMBER%"
