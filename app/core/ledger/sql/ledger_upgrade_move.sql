-- Upgrade from the first format: its three tables (found through search_path, as that format
-- found them) move into the fixed schema uaip_ledger; ledger_create.sql then adds what is new.
-- Runs inside the upgrade's own transaction, under the migration lock.
DO $upgrade$
DECLARE
    info regclass := pg_catalog.to_regclass('uaip_ledger_info');
    migrations regclass := pg_catalog.to_regclass('uaip_schema_migrations');
    events regclass := pg_catalog.to_regclass('uaip_migration_events');
BEGIN
    IF info IS NULL OR migrations IS NULL OR events IS NULL THEN
        RAISE EXCEPTION 'the ledger of the first format is incomplete (uaip_ledger_info %, '
                        'uaip_schema_migrations %, uaip_migration_events %)',
            coalesce(info::text, 'missing'), coalesce(migrations::text, 'missing'),
            coalesce(events::text, 'missing');
    END IF;
    CREATE SCHEMA IF NOT EXISTS uaip_ledger;
    EXECUTE format('ALTER TABLE %s SET SCHEMA uaip_ledger', info);
    EXECUTE format('ALTER TABLE %s SET SCHEMA uaip_ledger', migrations);
    EXECUTE format('ALTER TABLE %s SET SCHEMA uaip_ledger', events);
END
$upgrade$
