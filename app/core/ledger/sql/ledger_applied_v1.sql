-- A format-1 ledger (before its upgrade): in the order applied, ties by version as numbers.
SELECT version, name, checksum, down_checksum,
       pg_catalog.to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       applied_by, client, duration_ms, state, error
FROM uaip_schema_migrations
ORDER BY applied_at,
         ARRAY(SELECT ROW(pg_catalog.length(pg_catalog.ltrim(g.part, '0')),
                   pg_catalog.ltrim(g.part, '0') COLLATE "C")
               FROM pg_catalog.unnest(pg_catalog.string_to_array(version, '-'))
                    WITH ORDINALITY AS g(part, n)
               ORDER BY g.n),
         version
