-- The session's search_path as set (ReadingLogins compares the console's with the reader's).
SELECT pg_catalog.current_setting('search_path')
