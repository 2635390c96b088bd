SELECT pg_advisory_xact_lock(hashtextextended('uaip.seed.initial', 0))
