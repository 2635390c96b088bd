DELETE FROM uaip_schema_migrations WHERE version = $1
