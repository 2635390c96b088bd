-- Since when this database's statistics count (scans of an index included), UTC; NULL when
-- they were never reset.
SELECT to_char(d.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS stats_reset,
       to_char(pg_postmaster_start_time() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS server_start
FROM pg_catalog.pg_stat_database d
WHERE d.datname = current_database()
