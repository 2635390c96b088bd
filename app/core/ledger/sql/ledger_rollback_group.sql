-- A rollback in one transaction (down --single-transaction): the ledger rows of all its
-- migrations removed and their 'rollback' events written in one statement, before its one
-- COMMIT; returns how many were rolled back.
-- $1: a JSON array, one object per migration in the order they were rolled back:
--     {"version" (as the ledger spells it), "name", "checksum", "duration_ms", "ord"};
--     $2: the client.
-- Every row must go, or the statement fails and the whole rollback with it. The runner's
-- advisory lock is checked right before, as for an apply (ledger_lock_check.sql).
WITH steps AS (
    SELECT * FROM pg_catalog.jsonb_to_recordset($1::jsonb)
         AS s(version text, name text, checksum text, duration_ms int, ord int,
              detail text)
), removed AS (
    DELETE FROM uaip_ledger.uaip_schema_migrations m
    USING steps s
    WHERE m.version = s.version
    RETURNING m.version
), logged AS (
    INSERT INTO uaip_ledger.uaip_migration_events
        (version, name, action, outcome, client, duration_ms, checksum, detail)
    SELECT s.version, s.name, 'rollback', 'ok', $2, s.duration_ms, s.checksum, s.detail
    FROM steps s JOIN removed r ON r.version = s.version
    ORDER BY s.ord
    RETURNING 1
)
SELECT CASE WHEN (SELECT count(*) FROM logged) = (SELECT count(*) FROM steps)
            THEN (SELECT count(*) FROM logged)::int
            ELSE uaip_ledger.fail(format('the ledger has no row for version(s) %s (removed by '
                                         'someone else?): nothing was rolled back',
                                         (SELECT string_agg(s.version, ', ' ORDER BY s.ord)
                                          FROM steps s
                                          WHERE s.version NOT IN (SELECT version FROM removed))))
       END
