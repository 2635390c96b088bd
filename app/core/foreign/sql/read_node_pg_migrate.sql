-- node-pg-migrate: name is the file name without its extension, <timestamp>_<name>; run_on a
-- timestamp without time zone in the writer's session time zone. In its own order (run_on,
-- then id), the one it rolls back from.
SELECT 'id=' || id AS ref, split_part(name, '_', 1) AS version,
       CASE WHEN strpos(name, '_') > 0 THEN substr(name, strpos(name, '_') + 1) ELSE '' END
           AS name,
       name AS foreign_name,
       to_char((run_on AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       NULL::text AS checksum, 'applied' AS state, 'versioned' AS kind
FROM {{table}}
ORDER BY run_on, id
