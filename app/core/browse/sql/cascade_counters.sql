-- The rows this transaction has deleted and updated so far, per table (PostgreSQL's own
-- per-transaction counters, cascades and triggers included). Read before and after the
-- statements of a save: the difference is what they did.
SELECT relid::bigint, quote_ident(schemaname) || '.' || quote_ident(relname), n_tup_del, n_tup_upd
FROM pg_stat_xact_user_tables
WHERE n_tup_del > 0 OR n_tup_upd > 0
