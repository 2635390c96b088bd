-- What is applied now, in the order it was applied (the newest 'apply', 'baseline' or 'adopt'
-- event of each version: adopt writes its events in the other tool's order; a rollback goes in
-- the reverse of this order). Ties (a ledger without events) by version as numbers, group by
-- group (9 before 18), never as text.
SELECT m.version, m.name, m.checksum, m.down_checksum,
       pg_catalog.to_char(m.applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       m.applied_by, m.client, m.duration_ms, m.state, m.error,
       m.progress_action, m.progress_done, m.progress_total, m.progress_at,
       -- format 3's column, read so that a format 2 ledger (before its upgrade) reads too
       pg_catalog.to_jsonb(m) OPERATOR(pg_catalog.->>) 'progress_checksum' AS progress_checksum,
       pg_catalog.to_jsonb(m) OPERATOR(pg_catalog.->>) 'progress_batch' AS progress_batch
FROM uaip_ledger.uaip_schema_migrations m
-- one pass over the events, not a lookup per row (the events only grow)
LEFT JOIN (SELECT e.version, pg_catalog.max(e.id) AS last_applied
           FROM uaip_ledger.uaip_migration_events e
           WHERE e.action OPERATOR(pg_catalog.=) ANY (ARRAY['apply', 'baseline', 'adopt']::pg_catalog.text[])
             AND e.outcome OPERATOR(pg_catalog.=) 'ok'
           GROUP BY e.version) e ON e.version OPERATOR(pg_catalog.=) m.version
ORDER BY e.last_applied NULLS FIRST, m.applied_at,
         ARRAY(SELECT ROW(pg_catalog.length(pg_catalog.ltrim(g.part, '0')),
                   pg_catalog.ltrim(g.part, '0') COLLATE "C")
               FROM pg_catalog.unnest(pg_catalog.string_to_array(m.version, '-'))
                    WITH ORDINALITY AS g(part, n)
               ORDER BY g.n),
         m.version
