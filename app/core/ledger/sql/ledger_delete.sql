DELETE FROM uaip_ledger.uaip_schema_migrations WHERE version = $1
