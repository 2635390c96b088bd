-- A setting's value in this session and transaction: name.
SELECT pg_catalog.current_setting($1)
