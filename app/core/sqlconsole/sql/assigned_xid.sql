-- The id of the open transaction if it has taken one (it wrote), else NULL: the SQL console's
-- guard reads it before and after a run in its savepoint (SqlRunner::run).
SELECT pg_catalog.pg_current_xact_id_if_assigned()
