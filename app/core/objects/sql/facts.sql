-- The facts of one object the Objects view shows beside its DDL (ObjectFacts::read), read as
-- they are now (a search's result or a dependency names the object but carries neither): its
-- comment, and where a size applies its bytes on disk in parts. Parameters: the catalog holding
-- the object (pg_class, pg_proc, pg_type, pg_namespace, pg_extension, pg_authid, pg_constraint,
-- pg_trigger, pg_policy; "column" for a column, whose oid is its table's), its oid, a column's
-- name (else null). table_bytes: a table's, partition's or materialized view's heap with its
-- TOAST table (pg_table_size), a sequence's or index's own size; index_bytes: a table's,
-- partition's or materialized view's indexes (pg_indexes_size); both null where no size applies.
-- Never waits on a table lock: a relation another session holds or awaits in ACCESS EXCLUSIVE
-- (or whose TOAST table, index or, for an index, table is so held) gets the catalog's estimate
-- (relpages times the block size, as of the last VACUUM, ANALYZE or CREATE INDEX), estimated
-- true. Columns: comment, table_bytes, index_bytes, estimated.
WITH
locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
),
rel AS (
    SELECT c.oid, c.relkind, c.relpages, c.reltoastrelid,
           EXISTS (SELECT 1 FROM locked l
                   WHERE l.relation IN (c.oid, c.reltoastrelid)
                      OR l.relation IN (SELECT i.indexrelid FROM pg_catalog.pg_index i
                                        WHERE i.indrelid IN (c.oid, c.reltoastrelid))
                      OR l.relation IN (SELECT i.indrelid FROM pg_catalog.pg_index i
                                        WHERE i.indexrelid = c.oid)) AS busy
    FROM pg_catalog.pg_class c
    WHERE $1::text = 'pg_class' AND c.oid = $2::pg_catalog.oid
      AND c.relkind IN ('r', 'p', 'm', 'S', 'i', 'I')
)
SELECT CASE $1::text
           WHEN 'pg_authid' THEN pg_catalog.shobj_description($2::pg_catalog.oid, 'pg_authid')
           WHEN 'column' THEN (SELECT pg_catalog.col_description(a.attrelid, a.attnum)
                               FROM pg_catalog.pg_attribute a
                               WHERE a.attrelid = $2::pg_catalog.oid AND a.attname = $3::text
                                 AND a.attnum > 0 AND NOT a.attisdropped)
           ELSE pg_catalog.obj_description($2::pg_catalog.oid, $1::text::pg_catalog.name)
       END AS comment,
       CASE WHEN r.oid IS NULL THEN NULL
            WHEN r.busy THEN (r.relpages::bigint + coalesce(t.relpages, 0)
                              + coalesce((SELECT sum(x.relpages)::bigint
                                          FROM pg_catalog.pg_index xi
                                          JOIN pg_catalog.pg_class x ON x.oid = xi.indexrelid
                                          WHERE xi.indrelid = t.oid), 0))
                             * pg_catalog.current_setting('block_size')::bigint
            ELSE pg_catalog.pg_table_size(r.oid) END AS table_bytes,
       CASE WHEN r.oid IS NULL OR r.relkind NOT IN ('r', 'p', 'm') THEN NULL
            WHEN r.busy THEN coalesce((SELECT sum(x.relpages)::bigint
                                       FROM pg_catalog.pg_index xi
                                       JOIN pg_catalog.pg_class x ON x.oid = xi.indexrelid
                                       WHERE xi.indrelid = r.oid), 0)
                             * pg_catalog.current_setting('block_size')::bigint
            ELSE pg_catalog.pg_indexes_size(r.oid) END AS index_bytes,
       coalesce(r.busy, false) AS estimated
FROM (SELECT 1) AS one
LEFT JOIN rel r ON true
LEFT JOIN pg_catalog.pg_class t ON t.oid = r.reltoastrelid
