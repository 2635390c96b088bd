SELECT to_regclass('uaip_schema_migrations') IS NOT NULL
