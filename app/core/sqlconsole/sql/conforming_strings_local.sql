-- standard_conforming_strings on for the open transaction only (the splitter and the guards read
-- every statement with it on): never for the session, which behind a transaction pooler is a
-- pooled backend other clients get next.
SELECT pg_catalog.set_config('standard_conforming_strings', 'on', true)
