-- Ends a read-only transaction (BEGIN TRANSACTION READ ONLY) or a save.
COMMIT
