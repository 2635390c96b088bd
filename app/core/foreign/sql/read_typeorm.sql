-- TypeORM: name is the migration class's name, <Name><timestamp>; no time, no checksum.
SELECT 'id=' || id AS ref, "timestamp"::text AS version,
       regexp_replace(name, "timestamp"::text || '$', '') AS name, name AS foreign_name,
       NULL::text AS applied_at, NULL::text AS checksum, 'applied' AS state,
       'versioned' AS kind
FROM {{table}}
ORDER BY id
