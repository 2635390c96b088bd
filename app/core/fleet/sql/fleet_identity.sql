-- Which database a fleet target is (FleetRunner refuses two names for one database): the
-- cluster's system identifier and the database name; a standby shares its primary's
-- identifier, so whether it is one is read too (a standby is reported, never written).
-- The server's start time (epoch microseconds) tells a promoted copy (a clone made by
-- pg_basebackup, a standby promoted while its old primary runs on), which shares the identifier,
-- from the server itself reached under two names. Every function qualified: a schema before
-- pg_catalog on the role's search_path can neither run code here nor fake the identity.
SELECT c.system_identifier::pg_catalog.text AS system_identifier,
       pg_catalog.current_database() AS database,
       pg_catalog.pg_is_in_recovery()::pg_catalog.text AS in_recovery,
       (pg_catalog.date_part('epoch', pg_catalog.pg_postmaster_start_time())
            OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int8::pg_catalog.text AS server_start
FROM pg_catalog.pg_control_system() c
