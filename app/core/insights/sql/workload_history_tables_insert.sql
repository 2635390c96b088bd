-- A sample's tables: this database's $2 biggest tables (the catalogs' and the ledger's left
-- out), each with its indexes and TOAST from pg_class (as of the last vacuum or analyze: no
-- lock taken), live and dead tuples. $1: the sample. How many were kept.
WITH kept AS (
    INSERT INTO uaip_ledger.uaip_workload_history_tables
        (sample_id, schemaname, relname, bytes, live, dead)
    SELECT $1::bigint, n.nspname, c.relname,
           (c.relpages::bigint
            + coalesce((SELECT t.relpages FROM pg_catalog.pg_class t
                        WHERE t.oid = c.reltoastrelid), 0)
            + coalesce((SELECT sum(i.relpages) FROM pg_catalog.pg_index x
                        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
                        WHERE x.indrelid = c.oid), 0))::bigint
               * current_setting('block_size')::bigint,
           coalesce(s.n_live_tup, 0), coalesce(s.n_dead_tup, 0)
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
    WHERE c.relkind IN ('r', 'm', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'uaip_ledger')
      AND n.nspname NOT LIKE E'pg\\_toast%'
      AND n.nspname NOT LIKE E'pg\\_temp\\_%'
    ORDER BY c.relpages DESC, n.nspname, c.relname
    LIMIT $2
    RETURNING 1
)
SELECT count(*)::int AS kept FROM kept
