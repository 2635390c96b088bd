-- Forgets one hypothetical index (hypopg, its schema written in for %SCHEMA%). $1: its oid.
SELECT %SCHEMA%.hypopg_drop_index($1::oid)
