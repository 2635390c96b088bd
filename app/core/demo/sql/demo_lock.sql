-- One demo load at a time per database (released at the end of the transaction).
SELECT pg_advisory_xact_lock(hashtextextended('uaip.seed.demo', 0))
