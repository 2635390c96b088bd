-- Which database a fleet target is (FleetRunner refuses two names for one database): the
-- cluster's system identifier and the database name; a standby shares its primary's
-- identifier, so whether it is one is read too (a standby is reported, never written).
SELECT system_identifier::text AS system_identifier, current_database() AS database,
       pg_is_in_recovery()::text AS in_recovery
FROM pg_control_system()
