-- sqlx: one row per migration applied, its description the file name's with '_' as ' ', its
-- checksum the SHA-384 of the up file (bytea, as lowercase hex); success false = a failed
-- migration (sqlx's Dirty error: it runs nothing until the row is settled).
SELECT 'version=' || version AS ref, version::text AS version, description AS name,
       description AS foreign_name,
       to_char(installed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       encode(checksum, 'hex') AS checksum,
       CASE WHEN success THEN 'applied' ELSE 'failed' END AS state, 'versioned' AS kind
FROM {{table}}
ORDER BY version
