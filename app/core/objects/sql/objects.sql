-- The objects of one kind in one schema (ObjectCatalog::objects), what the browser shows when
-- a schema's folder of that kind is expanded; extensions and roles are the database's (the
-- schema is not used for them). Parameters: the schema's name, the kind (ObjectKinds' key:
-- table, view, materialized_view, sequence, function, procedure, type, domain, extension,
-- role). Each branch is cut at plan time when its kind is not asked for. Members of an
-- extension are left out; partitions are a partitioned table's children. A relation's size is
-- the catalog's estimate of what lookup.sql and children.sql measure exactly for a few objects
-- (pg_total_relation_size: the table, its TOAST table with that one's index, and its
-- indexes): relpages of each of those relations, as of the last VACUUM, ANALYZE or CREATE
-- INDEX, times the block size; read from pg_class alone, no relation opened, so no lock taken
-- or waited on (pg_total_relation_size would open every relation of the schema: seconds and a
-- lock each for 10,000 tables). relpages counts a relation's main fork only: the exact size
-- adds the free-space and visibility maps (a few pages) and what changed since. Split as the
-- exact one is: table_bytes (heap, TOAST and TOAST index) and index_bytes. Comments are
-- joined, not read by obj_description per row. Columns: kind, schema, name, oid, identity (as
-- SQL writes it), parent, child_count, size_bytes, size_estimated, table_bytes, index_bytes,
-- comment, detail.
WITH nsp AS (
    SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = $1
),
pages AS (
    SELECT i.indrelid AS relid, sum(ic.relpages)::bigint AS pages
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class t ON t.oid = i.indrelid JOIN nsp n ON n.oid = t.relnamespace
    WHERE $2 IN ('table', 'materialized_view')
    GROUP BY i.indrelid
),
-- extension members (found from the extensions: pg_depend's index on what is referenced)
ext AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_depend d
        ON d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid
       AND d.deptype = 'e'
)
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                      WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind,
       n.nspname AS schema, c.relname AS name, c.oid,
       pg_catalog.format('%I.%I', n.nspname, c.relname) AS identity, '' AS parent,
       CASE WHEN c.relkind IN ('r', 'p', 'v', 'm') THEN c.relnatts::bigint ELSE 0 END
           AS child_count,
       CASE WHEN c.relkind IN ('r', 'p', 'm', 'S')
            THEN (c.relpages::bigint + coalesce(toast.relpages, 0) + coalesce(tp.pages, 0)
                  + coalesce(p.pages, 0))
                 * pg_catalog.current_setting('block_size')::bigint END AS size_bytes,
       true AS size_estimated,
       CASE WHEN c.relkind IN ('r', 'p', 'm')
            THEN (c.relpages::bigint + coalesce(toast.relpages, 0) + coalesce(tp.pages, 0))
                 * pg_catalog.current_setting('block_size')::bigint END AS table_bytes,
       CASE WHEN c.relkind IN ('r', 'p', 'm')
            THEN coalesce(p.pages, 0) * pg_catalog.current_setting('block_size')::bigint
            END AS index_bytes,
       d.description AS comment,
       CASE c.relkind WHEN 'p' THEN 'partitioned' ELSE '' END AS detail
FROM pg_catalog.pg_class c JOIN nsp n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class toast ON toast.oid = c.reltoastrelid
-- the TOAST table's index
LEFT JOIN LATERAL (
    SELECT sum(ti.relpages)::bigint AS pages
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ti ON ti.oid = i.indexrelid
    WHERE i.indrelid = c.reltoastrelid
) tp ON c.reltoastrelid <> 0
LEFT JOIN pages p ON p.relid = c.oid
LEFT JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = c.oid
   AND d.objsubid = 0
WHERE c.relkind = ANY (CASE $2 WHEN 'table' THEN '{r,p}'::"char"[]
                              WHEN 'view' THEN '{v}'::"char"[]
                              WHEN 'materialized_view' THEN '{m}'::"char"[]
                              WHEN 'sequence' THEN '{S}'::"char"[] END)
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = c.oid
                                      AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
       p.oid,
       pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                         pg_catalog.pg_get_function_identity_arguments(p.oid)),
       '', 0, NULL, false, NULL, NULL, d.description,
       coalesce(pg_catalog.pg_get_function_result(p.oid), '')
FROM pg_catalog.pg_proc p JOIN nsp n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objoid = p.oid
WHERE $2 IN ('function', 'procedure')
  AND p.prokind = ANY (CASE $2 WHEN 'function' THEN '{f,w}'::"char"[] ELSE '{p}'::"char"[] END)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = p.oid
                                      AND ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass)
  -- what the server made for another object (a range type's constructors)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                  WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND i.objid = p.oid AND i.objsubid = 0 AND i.deptype = 'i')
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, t.oid,
       pg_catalog.format('%I.%I', n.nspname, t.typname), '', 0, NULL, false, NULL, NULL,
       d.description,
       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'r' THEN 'range' WHEN 'c' THEN 'composite'
                      ELSE pg_catalog.format_type(t.typbasetype, t.typtypmod) END
FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objoid = t.oid
WHERE $2 IN ('type', 'domain')
  AND t.typtype = ANY (CASE $2 WHEN 'domain' THEN '{d}'::"char"[] ELSE '{e,r,c}'::"char"[] END)
  AND (t.typtype <> 'c' OR (SELECT r.relkind FROM pg_catalog.pg_class r
                            WHERE r.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                      AND ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass)
UNION ALL
SELECT 'extension', '', e.extname, e.oid, pg_catalog.quote_ident(e.extname), '', 0, NULL, false,
       NULL, NULL, pg_catalog.obj_description(e.oid, 'pg_extension'), e.extversion
FROM pg_catalog.pg_extension e
WHERE $2 = 'extension'
UNION ALL
SELECT 'role', '', r.rolname, r.oid, pg_catalog.quote_ident(r.rolname), '', 0, NULL, false,
       NULL, NULL, pg_catalog.shobj_description(r.oid, 'pg_authid'),
       CASE WHEN r.rolcanlogin THEN 'login' ELSE '' END
FROM pg_catalog.pg_roles r
WHERE $2 = 'role' AND r.rolname !~ '^pg_'
ORDER BY 3, 5
