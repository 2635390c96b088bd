-- The schemas the session's search_path resolves to, in order, as a search_path value
-- (ReadingLogins compares the console's with the reader's and sets the console's on the
-- reader): "$user" stands for the schema of the login's name, so the text itself would name
-- another schema on the reader's session; the session's own temporary schema is left out (on
-- another session it is someone else's). Empty when none exists.
SELECT COALESCE(pg_catalog.string_agg(pg_catalog.quote_ident(s.name), ', ' ORDER BY s.place),
                '')
  FROM pg_catalog.unnest(pg_catalog.current_schemas(true)) WITH ORDINALITY AS s(name, place)
 WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_namespace n
                    WHERE n.nspname OPERATOR(pg_catalog.=) s.name
                      AND n.oid OPERATOR(pg_catalog.=) pg_catalog.pg_my_temp_schema())
