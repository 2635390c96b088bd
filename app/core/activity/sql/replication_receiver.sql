-- On a standby: where it receives from (pg_stat_wal_receiver; sender and status need
-- pg_read_all_stats), how much it received and has not replayed yet, and how long ago the last
-- replayed transaction committed on the primary (grows while the primary is idle too). No row on
-- a primary.
SELECT w.status, w.sender_host, w.sender_port,
       pg_catalog.pg_last_wal_receive_lsn()::text AS received_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replayed_lsn,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(),
                                  pg_catalog.pg_last_wal_replay_lsn())::bigint AS replay_behind_bytes,
       (extract(epoch FROM pg_catalog.now() - pg_catalog.pg_last_xact_replay_timestamp())
        * 1000)::bigint AS last_replayed_ms,
       (extract(epoch FROM pg_catalog.now() - w.last_msg_receipt_time) * 1000)::bigint
           AS last_message_ms
FROM (SELECT 1) one
LEFT JOIN pg_catalog.pg_stat_wal_receiver w ON true
WHERE pg_catalog.pg_is_in_recovery()
