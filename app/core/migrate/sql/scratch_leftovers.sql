-- The scratch databases of the sandbox (ScratchDatabase) no session is connected to and none
-- holds a lock on (one being dropped, its DROP DATABASE not waited for, holds one until it
-- ends): their names are one of the console's own prefixes, the second they were made (since
-- 1970, 8 hex digits) and 8 random hex digits; or uaip_kept_, the second they were kept and the
-- key of their migrations (16 hex digits).
SELECT d.datname::text AS datname
FROM pg_catalog.pg_database d
WHERE d.datname ~ ('^uaip_((verify|diff|index|import|fleet|online|screenshot)_[0-9a-f]{8}_[0-9a-f]{8}'
                   '|kept_[0-9a-f]{8}_[0-9a-f]{16})$')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
                  WHERE l.locktype = 'object'
                    AND l.classid = 'pg_catalog.pg_database'::pg_catalog.regclass
                    AND l.objid = d.oid)
