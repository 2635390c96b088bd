-- Whether this session holds the console's prepared statement of this name (SessionStatement):
-- prepared when it does not, instead of an EXECUTE that fails first and writes an ERROR into the
-- server's log. $1: the statement's name. No row: not there; from_sql true: one made with SQL
-- (a migration's PREPARE), never run for the console's.
SELECT from_sql FROM pg_catalog.pg_prepared_statements WHERE name = $1
