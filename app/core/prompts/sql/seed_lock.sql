-- One prompt seeding at a time per database (released at the end of the transaction).
SELECT pg_advisory_xact_lock(hashtextextended('uaip.seed.prompts', 0))
