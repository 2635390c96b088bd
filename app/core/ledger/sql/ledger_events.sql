-- detail through to_jsonb: a format-3 ledger (not upgraded yet: reads never upgrade) has no
-- such column, and reads as NULL there.
SELECT id, version, name, action, outcome,
       pg_catalog.to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS happened_at,
       actor, client, duration_ms, checksum, error, pg_catalog.to_jsonb(e) OPERATOR(pg_catalog.->>) 'detail' AS detail
FROM uaip_ledger.uaip_migration_events AS e
-- $1 as the user typed it: 2 finds what the ledger keeps as 0002 (leading zeros of each
-- '-'-separated group do not count, as in the folder names)
WHERE ($1::pg_catalog.text IS NULL OR version OPERATOR(pg_catalog.=) $1
       OR pg_catalog.regexp_replace(version, E'(^|-)0+(?=\\d)', E'\\1', 'g')
          OPERATOR(pg_catalog.=) pg_catalog.regexp_replace($1::pg_catalog.text, E'(^|-)0+(?=\\d)', E'\\1', 'g'))
ORDER BY id DESC
LIMIT $2
