-- After a catalog read of the object browser inside the caller's transaction: the search_path
-- in effect before pin_search_path.sql again.
SELECT pg_catalog.set_config('search_path',
                             pg_catalog.current_setting('uaip.objects_search_path'), true)
