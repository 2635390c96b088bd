-- The rows this transaction has inserted, deleted and updated so far, per table (PostgreSQL's
-- own per-transaction counters, cascades and triggers included). Read before and after the
-- statements of a save: the difference is what they did. Partitions count for the partitioned
-- table they belong to (a DELETE on it lands in its partitions). The counters count row
-- operations: a row updated through two foreign keys counts twice here, so the updates are
-- counted again as distinct rows (cascade_written_rows.sql) where the difference has any and
-- the role may read the table (a foreign key's action runs as the owner: a role may change rows
-- it cannot read; those keep the counters' number).
SELECT s.root::bigint, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
       sum(s.n_tup_del), sum(s.n_tup_upd), sum(s.n_tup_ins), c.relkind::text,
       has_table_privilege(s.root, 'SELECT')
FROM (SELECT coalesce(pg_partition_root(relid), relid) AS root, n_tup_del, n_tup_upd, n_tup_ins
      FROM pg_stat_xact_user_tables) s
JOIN pg_class c ON c.oid = s.root
JOIN pg_namespace n ON n.oid = c.relnamespace
GROUP BY s.root, n.nspname, c.relname, c.relkind
HAVING sum(s.n_tup_del) > 0 OR sum(s.n_tup_upd) > 0 OR sum(s.n_tup_ins) > 0
