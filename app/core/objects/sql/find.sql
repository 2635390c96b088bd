-- Objects whose name holds a text, case-insensitively (ObjectCatalog::find): the kinds of
-- objects.sql in every schema outside the system ones, plus schemas, extensions and roles,
-- and a table's indexes, constraints, triggers and policies (parent: their table; schema:
-- its schema; a column's NOT NULL, a constraint in PostgreSQL 18, is the column's: only a NOT
-- VALID one is found, as children.sql lists it); exact names first, then by schema and name,
-- at most the given number.
-- Parameters: the text (matched with strpos, so % and _ are plain characters), the limit.
-- Extension members (and their tables' parts) are left out. Same columns as objects.sql, and
-- table_oid: a table part's table (ObjectCatalog reads the part again with its table's other
-- parts, children.sql: its definition and size), else null.
WITH ext AS (
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_depend d
        ON d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = e.oid
       AND d.deptype = 'e'
),
hits AS (
    SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                          WHEN 'S' THEN 'sequence' ELSE 'table' END AS kind,
           n.nspname::text AS schema, c.relname::text AS name, c.oid,
           pg_catalog.format('%I.%I', n.nspname, c.relname) AS identity, '' AS parent,
           CASE WHEN c.relkind IN ('r', 'p', 'v', 'm') THEN c.relnatts::bigint ELSE 0 END
               AS child_count,
           NULL::bigint AS size_bytes, NULL::text AS comment,
           CASE WHEN c.relispartition THEN 'partition' ELSE '' END AS detail,
           NULL::pg_catalog.oid AS table_oid
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND pg_catalog.strpos(pg_catalog.lower(c.relname), pg_catalog.lower($1::text)) > 0
      AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = c.oid
                                          AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
    UNION ALL
    SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
           p.oid,
           pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                             pg_catalog.pg_get_function_identity_arguments(p.oid)),
           '', 0, NULL, NULL, '', NULL
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p', 'w')
      AND pg_catalog.strpos(pg_catalog.lower(p.proname), pg_catalog.lower($1::text)) > 0
      AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = p.oid
                                          AND ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                      WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                        AND i.objid = p.oid AND i.objsubid = 0 AND i.deptype = 'i')
    UNION ALL
    SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, t.oid,
           pg_catalog.format('%I.%I', n.nspname, t.typname), '', 0, NULL, NULL, '', NULL
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'r', 'd')
      AND pg_catalog.strpos(pg_catalog.lower(t.typname), pg_catalog.lower($1::text)) > 0
      AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                          AND ext.classid = 'pg_catalog.pg_type'::pg_catalog.regclass)
    UNION ALL
    SELECT 'schema', '', n.nspname, n.oid, pg_catalog.quote_ident(n.nspname), '', 0, NULL, NULL,
           '', NULL
    FROM pg_catalog.pg_namespace n
    WHERE pg_catalog.strpos(pg_catalog.lower(n.nspname), pg_catalog.lower($1::text)) > 0
    UNION ALL
    SELECT 'extension', '', e.extname, e.oid, pg_catalog.quote_ident(e.extname), '', 0, NULL,
           NULL, '', NULL
    FROM pg_catalog.pg_extension e
    WHERE pg_catalog.strpos(pg_catalog.lower(e.extname), pg_catalog.lower($1::text)) > 0
    UNION ALL
    SELECT 'role', '', r.rolname, r.oid, pg_catalog.quote_ident(r.rolname), '', 0, NULL, NULL, '',
           NULL
    FROM pg_catalog.pg_roles r
    WHERE pg_catalog.strpos(pg_catalog.lower(r.rolname), pg_catalog.lower($1::text)) > 0
      AND r.rolname !~ '^pg_'
    UNION ALL
    -- a table's parts; identity as children.sql writes it
    SELECT x.kind, n.nspname, x.name, x.oid,
           CASE x.kind WHEN 'index' THEN pg_catalog.format('%I.%I', n.nspname, x.name)
                ELSE pg_catalog.format('%I ON %I.%I', x.name, n.nspname, t.relname) END,
           pg_catalog.format('%I.%I', n.nspname, t.relname), 0, NULL, NULL, '', t.oid
    FROM (
        SELECT 'index' AS kind, ic.relname::text AS name, ic.oid, i.indrelid AS relid
        FROM pg_catalog.pg_class ic JOIN pg_catalog.pg_index i ON i.indexrelid = ic.oid
        WHERE ic.relkind IN ('i', 'I')
          AND pg_catalog.strpos(pg_catalog.lower(ic.relname), pg_catalog.lower($1::text)) > 0
        UNION ALL
        SELECT 'constraint', con.conname, con.oid, con.conrelid
        FROM pg_catalog.pg_constraint con
        WHERE con.conrelid <> 0 AND (con.contype <> 'n' OR NOT con.convalidated)
          AND pg_catalog.strpos(pg_catalog.lower(con.conname), pg_catalog.lower($1::text)) > 0
        UNION ALL
        SELECT 'trigger', tg.tgname, tg.oid, tg.tgrelid
        FROM pg_catalog.pg_trigger tg
        WHERE NOT tg.tgisinternal
          AND pg_catalog.strpos(pg_catalog.lower(tg.tgname), pg_catalog.lower($1::text)) > 0
        UNION ALL
        SELECT 'policy', po.polname, po.oid, po.polrelid
        FROM pg_catalog.pg_policy po
        WHERE pg_catalog.strpos(pg_catalog.lower(po.polname), pg_catalog.lower($1::text)) > 0
    ) x
    JOIN pg_catalog.pg_class t ON t.oid = x.relid
    JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid
                                          AND ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass)
)
SELECT h.kind, h.schema, h.name, h.oid, h.identity, h.parent, h.child_count, h.size_bytes,
       h.comment, h.detail, h.table_oid
FROM hits h
WHERE h.schema NOT IN ('pg_catalog', 'information_schema')
  AND h.schema NOT LIKE E'pg\\_toast%' AND h.schema NOT LIKE E'pg\\_temp\\_%'
  AND (h.kind <> 'schema' OR (h.name NOT IN ('pg_catalog', 'information_schema')
                              AND h.name NOT LIKE E'pg\\_toast%' AND h.name NOT LIKE E'pg\\_temp\\_%'))
ORDER BY pg_catalog.lower(h.name) <> pg_catalog.lower($1::text), h.schema, h.name, h.kind
LIMIT $2::integer
