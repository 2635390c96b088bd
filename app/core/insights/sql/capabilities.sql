-- What the workload insights can read on this connection: the libraries the server preloaded,
-- the insight extensions the server has and the ones created in this database (with their
-- schema), whether the role sees every session's statistics, whether this is a standby. preload
-- is NULL where the role may not read it (pg_read_all_settings), which hides it from pg_settings.
SELECT (SELECT s.setting FROM pg_catalog.pg_settings s WHERE s.name = 'shared_preload_libraries')
           AS preload,
       (SELECT string_agg(a.name, ',' ORDER BY a.name)
        FROM pg_available_extensions a
        WHERE a.name IN ('pg_stat_statements', 'hypopg', 'pg_qualstats', 'pgstattuple'))
           AS available,
       (SELECT string_agg(e.extname || '=' || n.nspname, ',' ORDER BY e.extname)
        FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname IN ('pg_stat_statements', 'hypopg', 'pg_qualstats', 'pgstattuple'))
           AS installed,
       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS read_all_stats,
       pg_has_role(current_user, 'pg_stat_scan_tables', 'USAGE') AS scan_tables,
       current_user AS role,
       current_database() AS database,
       pg_is_in_recovery() AS standby
