-- The cluster's system identifier and this database's name: the keychain entry's name of
-- earlier versions ("pg:<system identifier>/<database>"), still read to find their keys.
SELECT system_identifier::text, current_database() FROM pg_control_system()
