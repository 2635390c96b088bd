-- Flyway: versioned (SQL/JDBC with a version), repeatable (no version), undo (UNDO_*),
-- baseline (BASELINE; INIT before Flyway 3), schema creation (SCHEMA) and deleted (DELETE)
-- rows; success false = failed. installed_on is a timestamp without time zone in the writer's session time zone.
-- from_code: a Java migration's row (JDBC, SPRING_JDBC; script is its class name), whose
-- checksum is NULL unless the class computes one: there is no file to compare.
SELECT 'installed_rank=' || installed_rank AS ref, coalesce(version, '') AS version,
       description AS name, script AS foreign_name,
       to_char((installed_on AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       checksum::text AS checksum,
       CASE WHEN success THEN 'applied' ELSE 'failed' END AS state,
       CASE WHEN type IN ('BASELINE', 'INIT') THEN 'baseline'
            WHEN type = 'SCHEMA' THEN 'schema'
            WHEN type = 'DELETE' THEN 'deleted'
            WHEN type LIKE E'UNDO\\_%' THEN 'undo'
            WHEN version IS NULL THEN 'repeatable'
            ELSE 'versioned' END AS kind,
       type IN ('JDBC', 'SPRING_JDBC') AS from_code
FROM {{table}}
ORDER BY installed_rank
