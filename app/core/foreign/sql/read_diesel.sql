-- diesel: version is the folder's version with everything but its digits removed.
SELECT 'version=' || version AS ref, version, '' AS name, version AS foreign_name,
       to_char((run_on AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       NULL::text AS checksum, 'applied' AS state, 'versioned' AS kind
FROM {{table}}
ORDER BY version
