-- Whether this session has prepared the snapshot statement (SchemaSnapshot::take), so that it
-- is prepared when it is not, instead of an EXECUTE that fails first and writes an ERROR into the
-- server's log. Parameter: the statement's name. One row when it is there.
SELECT 1 FROM pg_catalog.pg_prepared_statements WHERE name = $1
