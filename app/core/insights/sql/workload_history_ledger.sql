-- Whether this database has the migration ledger's schema, where the workload history is kept.
SELECT EXISTS (SELECT FROM pg_catalog.pg_namespace n WHERE n.nspname = 'uaip_ledger') AS present
