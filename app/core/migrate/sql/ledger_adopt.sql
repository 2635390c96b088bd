-- A migration another tool applied, taken over (uaip-migrate adopt): its ledger row and its
-- 'adopt' event naming the tool and the foreign row ($6), in the caller's transaction. A plain
-- INSERT, never an upsert: a row already there (another run) refuses. The runner's advisory
-- lock ($7, $8) must be held by this session.
WITH held AS (
    SELECT EXISTS (SELECT FROM pg_catalog.pg_locks
                   WHERE locktype = 'advisory' AND pid = pg_catalog.pg_backend_pid()
                     AND classid = $7::int::oid AND objid = $8::int::oid AND objsubid = 2
                     AND granted) AS ok
), adopted AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    SELECT $1, $2, $3, $4, $5, 0, 'applied', NULL
    FROM held WHERE held.ok
    ON CONFLICT (version) DO NOTHING
    RETURNING version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT version, $2, 'adopt', 'ok', $5, 0, $3, $6 FROM adopted
    RETURNING id
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = 1 THEN 1
            WHEN NOT (SELECT ok FROM held)
            THEN uaip_ledger.fail('the migration lock is not held by this session: nothing '
                                  'was adopted')
            ELSE uaip_ledger.fail(format('version %s is in the ledger already: another run '
                                         'recorded it meanwhile; nothing was adopted',
                                         $1::text))
       END
