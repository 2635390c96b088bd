-- On a primary: each standby (or other WAL receiver) streaming from it, pg_stat_replication,
-- with how far behind it is in bytes (from the server's current WAL position) and in time (the
-- server's own write/flush/replay lag measurements). The LSNs are NULL for roles without
-- pg_read_all_stats; on a standby the view is empty unless it cascades.
SELECT r.pid, r.application_name, coalesce(host(r.client_addr), 'local') AS client,
       r.state, r.sync_state,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.sent_lsn) END
           ::bigint AS sent_behind_bytes,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.write_lsn) END
           ::bigint AS write_behind_bytes,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.flush_lsn) END
           ::bigint AS flush_behind_bytes,
       CASE WHEN pg_catalog.pg_is_in_recovery() THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.replay_lsn) END
           ::bigint AS replay_behind_bytes,
       (extract(epoch FROM r.write_lag) * 1000)::bigint AS write_lag_ms,
       (extract(epoch FROM r.flush_lag) * 1000)::bigint AS flush_lag_ms,
       (extract(epoch FROM r.replay_lag) * 1000)::bigint AS replay_lag_ms,
       r.replay_lsn::text AS replay_lsn
FROM pg_catalog.pg_stat_replication r
ORDER BY r.application_name, r.pid
