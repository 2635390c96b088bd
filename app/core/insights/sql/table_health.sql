-- Every table of this database but the catalogs': size from pg_class (no lock taken), live and
-- dead tuples, last (auto)vacuum and (auto)analyze (UTC), the age of its oldest unfrozen
-- transaction id and multixact, and when autovacuum will force a freeze of it. $1: how many
-- (the biggest by dead tuples, then by transaction id age).
SELECT c.oid::bigint AS table_oid,
       n.nspname AS schemaname,
       c.relname,
       c.relpages::bigint * current_setting('block_size')::bigint AS bytes,
       coalesce(s.n_live_tup, 0) AS n_live_tup,
       coalesce(s.n_dead_tup, 0) AS n_dead_tup,
       coalesce(s.n_mod_since_analyze, 0) AS n_mod_since_analyze,
       to_char(s.last_vacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_vacuum,
       to_char(s.last_autovacuum AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS last_autovacuum,
       to_char(s.last_analyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_analyze,
       to_char(s.last_autoanalyze AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           AS last_autoanalyze,
       age(c.relfrozenxid) AS xid_age,
       mxid_age(c.relminmxid) AS mxid_age,
       coalesce((SELECT o.option_value::bigint
                 FROM pg_catalog.pg_options_to_table(c.reloptions) o
                 WHERE o.option_name = 'autovacuum_freeze_max_age'),
                current_setting('autovacuum_freeze_max_age')::bigint) AS freeze_max_age
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_stat_all_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r', 'm', 't')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE E'pg\\_toast%'
  AND n.nspname NOT LIKE E'pg\\_temp\\_%'
ORDER BY coalesce(s.n_dead_tup, 0) DESC, age(c.relfrozenxid) DESC, n.nspname, c.relname
LIMIT $1
