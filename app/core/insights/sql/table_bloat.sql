-- One table's free and dead space as pgstattuple_approx estimates it from the visibility map
-- (its schema written in for SCHEMA), read on request. $1: the table's oid.
SELECT x.table_len, x.approx_free_space, x.dead_tuple_len, x.approx_free_percent,
       x.dead_tuple_percent
FROM %SCHEMA%.pgstattuple_approx($1::regclass) x
