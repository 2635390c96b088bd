-- Every replication slot and the WAL it keeps on this server: from its restart_lsn to the
-- current position (on a standby, the last received). An inactive slot keeps that WAL until it
-- is dropped or its consumer comes back: the classic full disk. wal_status (PostgreSQL 13+)
-- says whether it is still within max_wal_size (reserved), beyond it (extended, unreserved) or
-- lost.
SELECT s.slot_name, s.slot_type, s.database, s.active, s.active_pid, s.wal_status,
       s.restart_lsn::text AS restart_lsn,
       pg_catalog.pg_wal_lsn_diff(
           CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_receive_lsn()
                ELSE pg_catalog.pg_current_wal_lsn() END,
           s.restart_lsn)::bigint AS retained_bytes
FROM pg_catalog.pg_replication_slots s
ORDER BY s.slot_name
