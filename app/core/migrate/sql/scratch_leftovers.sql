-- The scratch databases of the sandbox (ScratchDatabase) no session is connected to: their
-- names are one of the console's own prefixes, the second they were made (since 1970, 8 hex
-- digits) and 8 random hex digits.
SELECT d.datname::text AS datname
FROM pg_catalog.pg_database d
WHERE d.datname ~ '^uaip_(verify|diff|index|import|fleet|screenshot)_[0-9a-f]{8}_[0-9a-f]{8}$'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid)
