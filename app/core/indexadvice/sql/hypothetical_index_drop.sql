-- Forgets one hypothetical index. $1: its oid (hypopg, its schema written in for SCHEMA).
SELECT %SCHEMA%.hypopg_drop_index($1::oid)
