-- The console's search_path for the reader login's open transaction only (ReadingLogins): its
-- statements name what they read as on the console's session. Never for the session, which
-- behind a transaction pooler is a pooled backend other clients get next.
SELECT pg_catalog.set_config('search_path', $1::pg_catalog.text, true)
