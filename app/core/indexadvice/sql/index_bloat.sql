-- One B-tree index's leaf density and fragmentation (pgstattuple's pgstatindex, its schema
-- written in for SCHEMA), read on request: it reads the whole index. $1: the index's oid.
SELECT x.index_size, x.avg_leaf_density, x.leaf_fragmentation
FROM %SCHEMA%.pgstatindex($1::regclass) x
