-- The cluster's system identifier and this database's name: a database's identity.
SELECT system_identifier::text, current_database() FROM pg_control_system()
