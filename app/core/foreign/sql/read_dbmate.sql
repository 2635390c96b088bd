-- dbmate: the version of each applied migration file, nothing else.
SELECT 'version=' || version AS ref, version, '' AS name, version AS foreign_name,
       NULL::text AS applied_at, NULL::text AS checksum, 'applied' AS state,
       'versioned' AS kind
FROM {{table}}
ORDER BY version
