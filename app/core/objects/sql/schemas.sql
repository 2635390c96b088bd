-- The object browser's first level (ObjectCatalog::schemas): every schema outside the system
-- ones with how many objects of each kind it holds. Members of an extension are left out (as
-- pg_dump leaves them out), partitions count under their partitioned table, not here. One
-- aggregate per catalog, grouped by namespace: no per-object work, so 10,000 tables cost one
-- scan of pg_class. Extension members are found from the extensions (pg_depend's index on what
-- is referenced), not by a scan of pg_depend.
WITH ext AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_depend d
        ON d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid
       AND d.deptype = 'e'
),
rel AS (
    SELECT c.relnamespace AS nsp,
           count(*) FILTER (WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition) AS tables,
           count(*) FILTER (WHERE c.relkind = 'v') AS views,
           count(*) FILTER (WHERE c.relkind = 'm') AS matviews,
           count(*) FILTER (WHERE c.relkind = 'S') AS sequences
    FROM pg_catalog.pg_class c
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = c.oid
                                          AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
    GROUP BY c.relnamespace
),
fn AS (
    SELECT p.pronamespace AS nsp,
           count(*) FILTER (WHERE p.prokind IN ('f', 'w')) AS functions,
           count(*) FILTER (WHERE p.prokind = 'p') AS procedures
    FROM pg_catalog.pg_proc p
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = p.oid
                                          AND ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                      WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                        AND i.objid = p.oid AND i.objsubid = 0 AND i.deptype = 'i')
    GROUP BY p.pronamespace
),
ty AS (
    SELECT t.typnamespace AS nsp,
           count(*) FILTER (WHERE t.typtype IN ('e', 'r')
                               OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_catalog.pg_class r
                                                        WHERE r.oid = t.typrelid) = 'c'))
               AS types,
           count(*) FILTER (WHERE t.typtype = 'd') AS domains
    FROM pg_catalog.pg_type t
    WHERE t.typtype IN ('e', 'r', 'c', 'd')
      AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                          AND ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass)
    GROUP BY t.typnamespace
)
SELECT n.oid, n.nspname AS name, pg_catalog.quote_ident(n.nspname) AS identity,
       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment,
       coalesce(rel.tables, 0) AS tables, coalesce(rel.views, 0) AS views,
       coalesce(rel.matviews, 0) AS matviews, coalesce(rel.sequences, 0) AS sequences,
       coalesce(fn.functions, 0) AS functions, coalesce(fn.procedures, 0) AS procedures,
       coalesce(ty.types, 0) AS types, coalesce(ty.domains, 0) AS domains
FROM pg_catalog.pg_namespace n
LEFT JOIN rel ON rel.nsp = n.oid
LEFT JOIN fn ON fn.nsp = n.oid
LEFT JOIN ty ON ty.nsp = n.oid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE E'pg\\_toast%'
  AND n.nspname NOT LIKE E'pg\\_temp\\_%'
ORDER BY n.nspname
