UPDATE uaip_ledger.uaip_schema_migrations SET checksum = $2, down_checksum = $3 WHERE version = $1
