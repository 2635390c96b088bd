-- Since when this database's statistics count (scans of an index included), UTC: the
-- database's own reset (NULL when it was never reset), and when the server last started
-- counting afresh. A crash recovery (one backend killed, the others restarted) discards every
-- statistic but moves neither pg_postmaster_start_time() nor the database's stats_reset; it
-- does set the reset time of the shared statistics (pg_stat_bgwriter, pg_stat_archiver), so
-- the latest of the server's start and those resets is when the counting began again.
SELECT to_char(d.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS stats_reset,
       to_char(greatest(pg_postmaster_start_time(),
                        (SELECT b.stats_reset FROM pg_catalog.pg_stat_bgwriter b),
                        (SELECT a.stats_reset FROM pg_catalog.pg_stat_archiver a))
                    AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS counting_started
FROM pg_catalog.pg_stat_database d
WHERE d.datname = current_database()
