-- Upgrade from the first format: its three tables (found through search_path, as that format
-- found them) move into the fixed schema uaip_ledger; ledger_create.sql then adds what is new.
-- Runs inside the upgrade's own transaction, under the migration lock, before search_path is
-- pinned (the tables are found through it): every other name is pg_catalog's, so a role's own
-- format(text, regclass) earlier on the path is never called.
DO $upgrade$
DECLARE
    info pg_catalog.regclass := pg_catalog.to_regclass('uaip_ledger_info');
    migrations pg_catalog.regclass := pg_catalog.to_regclass('uaip_schema_migrations');
    events pg_catalog.regclass := pg_catalog.to_regclass('uaip_migration_events');
BEGIN
    IF info IS NULL OR migrations IS NULL OR events IS NULL THEN
        RAISE EXCEPTION 'the ledger of the first format is incomplete (uaip_ledger_info %, '
                        'uaip_schema_migrations %, uaip_migration_events %)',
            coalesce(info::pg_catalog.text, 'missing'),
            coalesce(migrations::pg_catalog.text, 'missing'),
            coalesce(events::pg_catalog.text, 'missing');
    END IF;
    CREATE SCHEMA IF NOT EXISTS uaip_ledger;
    EXECUTE pg_catalog.format('ALTER TABLE %s SET SCHEMA uaip_ledger', info);
    EXECUTE pg_catalog.format('ALTER TABLE %s SET SCHEMA uaip_ledger', migrations);
    EXECUTE pg_catalog.format('ALTER TABLE %s SET SCHEMA uaip_ledger', events);
END
$upgrade$
