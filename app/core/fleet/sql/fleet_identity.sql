-- Which database a fleet target is (FleetRunner refuses two names for one database): the
-- cluster's system identifier and the database name; a standby shares its primary's
-- identifier, so whether it is one is read too (a standby is reported, never written).
-- The server's start time (epoch microseconds) tells a promoted copy (a clone made by
-- pg_basebackup, a standby promoted while its old primary runs on), which shares the identifier,
-- from the server itself reached under two names.
SELECT system_identifier::text AS system_identifier, current_database() AS database,
       pg_is_in_recovery()::text AS in_recovery,
       (extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint::text AS server_start
FROM pg_control_system()
