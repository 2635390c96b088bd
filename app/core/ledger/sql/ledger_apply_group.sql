-- A run in one transaction (up --single-transaction): the ledger rows and 'apply' events of
-- all its migrations in one statement, before its one COMMIT; returns how many were written.
-- $1: a JSON array, one object per migration in the order they ran:
--     {"version", "name", "checksum", "down_checksum", "duration_ms", "ord"}; $2: the client.
-- Plain INSERTs, never an upsert: a row already there means another run applied that version
-- meanwhile, and the whole run rolls back. The runner's advisory lock is checked right before
-- (ledger_lock_check.sql): a script that released it makes the whole run roll back there.
-- Events are written in the order the migrations ran (their ids
-- give the ledger's apply order).
WITH steps AS (
    SELECT * FROM pg_catalog.jsonb_to_recordset($1::jsonb)
         AS s(version text, name text, checksum text, down_checksum text, duration_ms int,
              ord int, detail text)
), applied AS (
    INSERT INTO uaip_ledger.uaip_schema_migrations
        (version, name, checksum, down_checksum, client, duration_ms, state, error)
    SELECT version, name, checksum, down_checksum, $2, duration_ms, 'applied', NULL
    FROM steps
    ORDER BY ord
    ON CONFLICT (version) DO NOTHING
    RETURNING version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT s.version, s.name, 'apply', 'ok', $2, s.duration_ms, s.checksum, s.detail
    FROM steps s JOIN applied a ON a.version = s.version
    ORDER BY s.ord
    RETURNING 1
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = (SELECT count(*) FROM steps)
            THEN (SELECT count(*) FROM logged)::int
            ELSE uaip_ledger.fail(format('version(s) %s are in the ledger already: another run '
                                         'applied them meanwhile; this run rolled back all of '
                                         'its migrations',
                                         (SELECT string_agg(s.version, ', ' ORDER BY s.ord)
                                          FROM steps s
                                          WHERE s.version NOT IN (SELECT version FROM applied))))
       END
