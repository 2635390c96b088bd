-- Prisma: migration_name is the folder, <timestamp>_<name>. Failed = not finished and not
-- rolled back (prisma migrate resolve decides); a rolled-back row stays as history. In the
-- order Prisma applied them: finished_at, then the name (rows not finished last).
SELECT 'id=' || id AS ref, split_part(migration_name, '_', 1) AS version,
       CASE WHEN strpos(migration_name, '_') > 0
            THEN substr(migration_name, strpos(migration_name, '_') + 1) ELSE '' END AS name,
       migration_name AS foreign_name,
       to_char(coalesce(finished_at, started_at) AT TIME ZONE 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       checksum,
       CASE WHEN rolled_back_at IS NOT NULL THEN 'rolled back'
            WHEN finished_at IS NULL THEN 'failed'
            ELSE 'applied' END AS state,
       'versioned' AS kind
FROM {{table}}
ORDER BY finished_at, migration_name, started_at
