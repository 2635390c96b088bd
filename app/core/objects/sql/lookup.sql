-- The objects a name names (ObjectCatalog::lookup, `uaip-migrate ddl OBJECT`): tables
-- (partitions too), views, materialized views, sequences, functions, procedures, types and
-- domains named exactly so in the given schema, or in any schema when none is given; without
-- a schema also the schemas, extensions and roles of that name; and a table's indexes,
-- constraints, triggers and policies of that name (their schema is their table's; a column's
-- NOT NULL, a constraint in PostgreSQL 18, is the column's: only a NOT VALID one is found, as
-- children.sql lists it), in the given table when one is named (then only those). Parameters:
-- the schema or null, the name, a function's argument types or null (every overload): a JSON
-- array of type names (RoutineArguments: its input arguments, each resolved by the server's
-- to_regtype; a type that does not exist matches nothing), never spliced into this text; the
-- table or null.
-- Extension members (and their tables' parts) are left out. Same columns as objects.sql, and
-- table_oid: a table part's table (ObjectCatalog reads the part again with its table's other
-- parts, children.sql), else null. Never waits on a table lock (see busy).
WITH
-- the relations another session holds or awaits in ACCESS EXCLUSIVE (pg_locks takes no table
-- lock): pg_total_relation_size would wait on them (ACCESS SHARE on the relation, its TOAST
-- table and their indexes), so such a relation's size is the catalog's estimate (relpages times
-- the block size, as of the last VACUUM, ANALYZE or index build), size_estimated true
locked AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
),
-- a relation whose exact size would wait: locked, or its TOAST table, or an index of either
busy AS (
    SELECT relation AS oid FROM locked
    UNION
    SELECT c.oid FROM pg_catalog.pg_class c JOIN locked l ON l.relation = c.reltoastrelid
    UNION
    SELECT c.oid
    FROM pg_catalog.pg_index i
    JOIN locked l ON l.relation = i.indexrelid
    JOIN pg_catalog.pg_class c ON i.indrelid IN (c.oid, c.reltoastrelid)
),
nsp AS (
    SELECT oid, nspname FROM pg_catalog.pg_namespace
    WHERE ($1::text IS NULL OR nspname = $1::text)
      AND nspname NOT IN ('pg_catalog', 'information_schema')
      AND nspname NOT LIKE E'pg\\_toast%' AND nspname NOT LIKE E'pg\\_temp\\_%'
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
       CASE WHEN c.relkind = 'S' AND c.oid IN (SELECT oid FROM busy)
                THEN c.relpages::bigint * pg_catalog.current_setting('block_size')::bigint
            WHEN c.relkind = 'S' THEN pg_catalog.pg_total_relation_size(c.oid)
            ELSE sz.table_bytes + sz.index_bytes END AS size_bytes,
       c.relkind IN ('r', 'p', 'm', 'S') AND c.oid IN (SELECT oid FROM busy) AS size_estimated,
       sz.table_bytes, sz.index_bytes,
       pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
       CASE WHEN c.relispartition THEN 'partition' WHEN c.relkind = 'p' THEN 'partitioned'
            ELSE '' END AS detail,
       NULL::pg_catalog.oid AS table_oid
FROM pg_catalog.pg_class c JOIN nsp n ON n.oid = c.relnamespace
-- a table's or materialized view's size in two parts: the table (its heap with the heap's
-- free-space and visibility maps, and its TOAST table with that one's index) and its indexes;
-- exact, or the catalog's estimate (relpages of each) when busy
LEFT JOIN LATERAL (
    SELECT CASE WHEN c.oid IN (SELECT oid FROM busy)
                THEN (c.relpages::bigint
                      + coalesce((SELECT sum(x.relpages)::bigint FROM pg_catalog.pg_class x
                                  WHERE x.oid = c.reltoastrelid
                                     OR x.oid IN (SELECT xi.indexrelid FROM pg_catalog.pg_index xi
                                                  WHERE xi.indrelid = c.reltoastrelid)), 0))
                     * pg_catalog.current_setting('block_size')::bigint
                ELSE pg_catalog.pg_table_size(c.oid) END AS table_bytes,
           CASE WHEN c.oid IN (SELECT oid FROM busy)
                THEN coalesce((SELECT sum(x.relpages)::bigint FROM pg_catalog.pg_index xi
                               JOIN pg_catalog.pg_class x ON x.oid = xi.indexrelid
                               WHERE xi.indrelid = c.oid), 0)
                     * pg_catalog.current_setting('block_size')::bigint
                ELSE pg_catalog.pg_indexes_size(c.oid) END AS index_bytes
    WHERE c.relkind IN ('r', 'p', 'm')
) sz ON true
WHERE $3::text IS NULL AND $4::text IS NULL AND c.relname = $2::text
  AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = c.oid
                                      AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
       p.oid,
       pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                         pg_catalog.pg_get_function_identity_arguments(p.oid)),
       '', 0, NULL, false, NULL, NULL, pg_catalog.obj_description(p.oid, 'pg_proc'),
       coalesce(pg_catalog.pg_get_function_result(p.oid), ''), NULL
FROM pg_catalog.pg_proc p JOIN nsp n ON n.oid = p.pronamespace
WHERE $4::text IS NULL AND p.proname = $2::text AND p.prokind IN ('f', 'p', 'w')
  AND ($3::text IS NULL
       -- a type that does not exist: 0, which no argument's type is
       OR p.proargtypes
          = (SELECT coalesce(pg_catalog.string_agg(
                                 coalesce(pg_catalog.to_regtype(t.type)::pg_catalog.oid, 0)::text,
                                 ' ' ORDER BY t.ord),
                             '')::pg_catalog.oidvector
             FROM pg_catalog.jsonb_array_elements_text($3::text::pg_catalog.jsonb)
                  WITH ORDINALITY AS t(type, ord)))
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = p.oid
                                      AND ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass)
  -- what the server made for another object (a range type's constructors)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                  WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND i.objid = p.oid AND i.objsubid = 0 AND i.deptype = 'i')
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, t.oid,
       pg_catalog.format('%I.%I', n.nspname, t.typname), '', 0, NULL, false, NULL, NULL,
       pg_catalog.obj_description(t.oid, 'pg_type'),
       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'r' THEN 'range' WHEN 'c' THEN 'composite'
                      ELSE pg_catalog.format_type(t.typbasetype, t.typtypmod) END, NULL
FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace
WHERE $3::text IS NULL AND $4::text IS NULL AND t.typname = $2::text AND t.typtype IN ('e', 'r', 'c', 'd')
  AND (t.typtype <> 'c' OR (SELECT r.relkind FROM pg_catalog.pg_class r
                            WHERE r.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                      AND ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass)
UNION ALL
SELECT 'schema', '', n.nspname, n.oid, pg_catalog.quote_ident(n.nspname), '', 0, NULL, false,
       NULL, NULL, pg_catalog.obj_description(n.oid, 'pg_namespace'), '', NULL
FROM nsp n
WHERE $1::text IS NULL AND $3::text IS NULL AND n.nspname = $2::text
UNION ALL
SELECT 'extension', '', e.extname, e.oid, pg_catalog.quote_ident(e.extname), '', 0, NULL, false,
       NULL, NULL, pg_catalog.obj_description(e.oid, 'pg_extension'), e.extversion, NULL
FROM pg_catalog.pg_extension e
WHERE $1::text IS NULL AND $3::text IS NULL AND e.extname = $2::text
UNION ALL
SELECT 'role', '', r.rolname, r.oid, pg_catalog.quote_ident(r.rolname), '', 0, NULL, false,
       NULL, NULL, pg_catalog.shobj_description(r.oid, 'pg_authid'), '', NULL
FROM pg_catalog.pg_roles r
WHERE $1::text IS NULL AND $3::text IS NULL AND r.rolname = $2::text
UNION ALL
-- a table's parts by their own name; identity as children.sql writes it, the rest read there
SELECT x.kind, n.nspname, x.name, x.oid,
       CASE x.kind WHEN 'index' THEN pg_catalog.format('%I.%I', n.nspname, x.name)
            ELSE pg_catalog.format('%I ON %I.%I', x.name, n.nspname, t.relname) END,
       pg_catalog.format('%I.%I', n.nspname, t.relname), 0, NULL, false, NULL, NULL, NULL, '',
       t.oid
FROM (
    SELECT 'index' AS kind, ic.relname AS name, ic.oid, i.indrelid AS relid
    FROM pg_catalog.pg_class ic JOIN pg_catalog.pg_index i ON i.indexrelid = ic.oid
    WHERE ic.relname = $2::text
    UNION ALL
    SELECT 'constraint', con.conname, con.oid, con.conrelid
    FROM pg_catalog.pg_constraint con
    WHERE con.conname = $2::text AND con.conrelid <> 0
      AND (con.contype <> 'n' OR NOT con.convalidated)
    UNION ALL
    SELECT 'trigger', tg.tgname, tg.oid, tg.tgrelid
    FROM pg_catalog.pg_trigger tg
    WHERE tg.tgname = $2::text AND NOT tg.tgisinternal
    UNION ALL
    SELECT 'policy', po.polname, po.oid, po.polrelid
    FROM pg_catalog.pg_policy po
    WHERE po.polname = $2::text
) x
JOIN pg_catalog.pg_class t ON t.oid = x.relid
JOIN nsp n ON n.oid = t.relnamespace
WHERE $3::text IS NULL AND ($4::text IS NULL OR t.relname = $4::text)
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                      AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
ORDER BY 2, 1, 5
