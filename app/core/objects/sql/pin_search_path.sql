-- Before a catalog read of the object browser: search_path empty for this transaction only
-- (is_local), as pg_dump runs, so pg_get_viewdef, pg_get_expr, format_type and regclass write
-- every name outside pg_catalog with its schema. The value in effect is kept in
-- uaip.objects_search_path (also for this transaction only) for unpin_search_path.sql, sent
-- after the read when the transaction is the caller's.
SELECT pg_catalog.set_config('search_path', '', true)
FROM (SELECT pg_catalog.set_config('uaip.objects_search_path',
                                   pg_catalog.current_setting('search_path'), true)
      OFFSET 0) AS saved
