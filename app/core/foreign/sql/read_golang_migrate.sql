-- golang-migrate: one row, the version everything up to which is applied, and whether the
-- last run stopped half-way (dirty).
SELECT 'version=' || version AS ref, version::text AS version, '' AS name,
       version::text AS foreign_name, NULL::text AS applied_at, NULL::text AS checksum,
       CASE WHEN dirty THEN 'dirty' ELSE 'applied' END AS state, 'versioned' AS kind
FROM {{table}}
ORDER BY version
