-- What a generated migration needs to know about each object of a database's schema: one
-- row per object with the SQL that creates it and the SQL that drops it, built from the
-- catalog (pg_get_*def, format('%I')). Keys are SchemaSnapshot's ("column public.t.c"), so
-- a generated migration can be proved with the snapshot's comparison. The migration ledger
-- is left out.
--
--   kind, name   the key is kind || ' ' || name
--   parent       key of the object this one belongs to (a column's table, a grant's object)
--   comes_with   key of the object whose CREATE makes this one (a primary key's index, a
--                partition's cloned trigger, an identity column's sequence): no steps of
--                its own
--   create_sql, drop_sql
--   definition   what decides whether the object changed
--   attrs        JSON with what ALTER statements need (a column's type, default, ...)
--
-- Roles: the role running this query and the database's owner are "the migrating role"
-- (CURRENT_USER in the generated SQL); an owner row exists only for another role; a grant
-- row exists for each grantee other than the object's owner.
--
-- Cost: each definition is deparsed once per object, in a LATERAL (... OFFSET 0) subquery x
-- (without OFFSET 0 the planner copies the call into each place that uses it); per-object
-- lists (a table's columns, a type's users, a foreign key's columns) are aggregated once and
-- joined by key rather than looked up row by row.
--
-- Versions: a column's NOT NULL is the column's (PostgreSQL 18 keeps it as a constraint, kind
-- 'n', 17 a domain's too), with NO INHERIT (18) but not its name (a renamed column keeps its
-- old one, an online copy of it gets its own); a NOT VALID one (18) is a constraint of its own,
-- as pg_dump writes it. A
-- virtual generated column (18) is its own attribute, virtual, beside a stored one's generated.
-- A statistics target never set is -1 (17 keeps NULL).
WITH nsp AS (
    SELECT oid, nspname, nspowner, nspacl FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'uaip_ledger')
      AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'
),
-- Extension members (their dependency always references the extension's pg_extension row).
ext_objects AS (
    SELECT objid FROM pg_depend
    WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
),
me AS (
    SELECT oid FROM pg_roles WHERE rolname = current_user
    UNION
    SELECT datdba FROM pg_database WHERE datname = current_database()
),
rels AS (
    SELECT c.oid, n.nspname, c.relname, c.relkind, c.relowner, c.relacl, c.relpersistence,
           c.relrowsecurity, c.relforcerowsecurity, c.relispartition, c.reloptions, c.relpartbound,
           format('%I.%I', n.nspname, c.relname) AS qname,
           CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                          WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                          ELSE 'sequence' END AS label
    FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND c.relname NOT IN ('uaip_schema_migrations', 'uaip_migration_events', 'uaip_ledger_info',
                            'uaip_migration_events_id_seq')
      AND c.oid NOT IN (SELECT objid FROM ext_objects)
),
procs AS (
    SELECT p.oid, p.prokind, p.proowner, p.proacl, n.nspname,
           format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
               AS name
    FROM pg_proc p JOIN nsp n ON n.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p', 'w', 'a') AND p.oid NOT IN (SELECT objid FROM ext_objects)
),
types AS (
    SELECT t.oid, t.typtype, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefault, t.typrelid,
           t.typowner, t.typacl, t.typcollation, t.typarray, n.nspname, t.typname,
           format('%I.%I', n.nspname, t.typname) AS name
    FROM pg_type t JOIN nsp n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'c')
      AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND t.oid NOT IN (SELECT objid FROM ext_objects)
),
-- A column as written in CREATE TABLE and ADD COLUMN.
cols AS (
    SELECT r.oid AS relid, r.qname, r.relkind, r.relispartition, r.nspname, r.relname, a.attnum,
           a.attname, a.atttypid, a.attislocal,
           coalesce(a.attstattarget::integer, -1) AS attstattarget, a.attidentity, a.attgenerated,
           -- NOT NULL proven (not a NOT VALID one) and as written
           a.attnotnull AND coalesce(nn.convalidated, true) AS attnotnull,
           -- (its name, 18's, not compared, as in the snapshot)
           CASE WHEN NOT a.attnotnull OR NOT coalesce(nn.convalidated, true) THEN NULL
                ELSE 'NOT NULL' END
           || CASE WHEN nn.connoinherit THEN ' NO INHERIT' ELSE '' END AS not_null_def,
           a.attacl,
           format_type(a.atttypid, a.atttypmod) AS type,
           -- an enum ('e') or an array of one ('a'): a type change converts it through text
           CASE WHEN t.typtype = 'e' THEN 'e'
                WHEN (SELECT el.typtype FROM pg_type el WHERE el.oid = t.typelem) = 'e'
                     AND t.typcategory = 'A' THEN 'a' END AS enum_kind,
           CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                THEN (SELECT format('%I.%I', cn.nspname, co.collname)
                      FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                      WHERE co.oid = a.attcollation) END AS collation,
           CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default_expr,
           CASE WHEN a.attgenerated = 's' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated,
           CASE WHEN a.attgenerated = 'v' THEN pg_get_expr(d.adbin, d.adrelid) END AS virtual,
           row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum) AS position
    FROM rels r
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    LEFT JOIN pg_constraint nn
        ON nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey = ARRAY[a.attnum]
    WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')
),
coldefs AS (
    SELECT c.*,
           concat(format('%I %s', c.attname, c.type),
                  ' COLLATE ' || c.collation,
                  ' GENERATED ALWAYS AS (' || c.generated || ') STORED',
                  ' GENERATED ALWAYS AS (' || c.virtual || ') VIRTUAL',
                  CASE c.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY'
                                     WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' END,
                  ' DEFAULT ' || c.default_expr,
                  ' ' || c.not_null_def) AS def
    FROM cols c
),
-- A table's column list as CREATE TABLE writes it, one row per relation.
table_bodies AS (
    SELECT relid, string_agg('    ' || def, E',\n' ORDER BY attnum) AS body
    FROM coldefs GROUP BY relid
),
-- Per type of ours: the table columns of that type or an array of it (an enum made again
-- converts them).
type_users AS (
    SELECT u.typid,
           json_agg(json_build_object('table', c.qname, 'column', quote_ident(c.attname),
                                      'default', c.default_expr, 'array', c.atttypid <> u.typid)
                    ORDER BY c.qname, c.attnum) AS used_by
    FROM (SELECT oid AS typid, oid AS usedid FROM types
          UNION ALL
          SELECT oid, typarray FROM types WHERE typarray <> 0) u
    JOIN cols c ON c.atttypid = u.usedid
    WHERE c.relkind IN ('r', 'p') AND c.attislocal AND NOT c.relispartition
    GROUP BY u.typid
),
-- A foreign key's columns and the columns it references, quoted, in key order.
fk_columns AS (
    SELECT k.oid,
           json_agg(quote_ident(a.attname) ORDER BY k.n) FILTER (WHERE NOT k.referenced)
               AS columns,
           json_agg(quote_ident(a.attname) ORDER BY k.n) FILTER (WHERE k.referenced)
               AS ref_columns
    FROM (SELECT con.oid, false AS referenced, con.conrelid AS attrelid, u.attnum, u.n
          FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid,
               unnest(con.conkey) WITH ORDINALITY u(attnum, n)
          WHERE con.contype = 'f'
          UNION ALL
          SELECT con.oid, true, con.confrelid, u.attnum, u.n
          FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid,
               unnest(con.confkey) WITH ORDINALITY u(attnum, n)
          WHERE con.contype = 'f') k
    CROSS JOIN LATERAL (SELECT a.attname FROM pg_attribute a
                        WHERE a.attrelid = k.attrelid AND a.attnum = k.attnum OFFSET 0) a
    GROUP BY k.oid
),
-- Everything with an owner and a grant list: (label, name as the key has it, owner, acl,
-- acldefault's type, the word GRANT and ALTER ... OWNER use, the name as SQL writes it: a
-- schema's key holds its name as it is, its SQL the quoted name).
owned AS (
    SELECT 'schema'::text AS label, nspname::text AS name, nspowner AS owner, nspacl AS acl,
           'n'::"char" AS acltype, 'SCHEMA' AS word, 'SCHEMA' AS grantword,
           quote_ident(nspname) AS sqlname, oid AS objoid
    FROM nsp
    UNION ALL
    SELECT label, qname, relowner, relacl, CASE relkind WHEN 'S' THEN 's' ELSE 'r' END::"char",
           upper(label), CASE relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, qname, oid
    FROM rels
    UNION ALL
    SELECT 'function', name, proowner, proacl, 'f'::"char",
           CASE prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
           CASE prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, name, oid
    FROM procs WHERE prokind <> 'a'
    UNION ALL
    SELECT 'type', name, typowner, typacl, 'T'::"char",
           CASE typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
           CASE typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, name, oid
    FROM types
),
-- One row per (object, grantee other than the owner), defaults included, so that a REVOKE
-- of a default (EXECUTE from PUBLIC) is a difference like a GRANT.
grantees AS (
    SELECT o.label, o.name, o.word, o.grantword, o.colname,
           CASE WHEN e.grantee = 0 THEN 'PUBLIC'
                WHEN e.grantee IN (SELECT oid FROM me) THEN 'CURRENT_USER'
                ELSE quote_ident(pg_get_userbyid(e.grantee)) END AS who,
           CASE WHEN e.grantee <> 0 AND e.grantee NOT IN (SELECT oid FROM me)
                THEN pg_get_userbyid(e.grantee)::text END AS role,
           string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type)
               FILTER (WHERE NOT e.is_grantable) AS plain,
           string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type)
               FILTER (WHERE e.is_grantable) AS grantable,
           o.by_default, o.sqlname
    FROM (SELECT label, name, word, grantword, ''::text AS colname, owner,
                 coalesce(acl, acldefault(acltype, owner)) AS acl, acl IS NULL AS by_default,
                 sqlname
          FROM owned
          UNION ALL
          -- a column's (none by default)
          SELECT 'column', format('%s.%I', c.qname, c.attname), 'COLUMN', 'TABLE',
                 c.attname::text, r.relowner, c.attacl, false, format('%s.%I', c.qname, c.attname)
          FROM cols c JOIN rels r ON r.oid = c.relid
          WHERE c.attacl IS NOT NULL) o,
         aclexplode(o.acl) e
    WHERE e.grantee <> o.owner
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 10, 11
),
-- The comments on relations, columns, constraints, triggers and types, read in one scan (a
-- function's and a schema's are looked up by oid: pg_description has thousands on pg_proc).
descr AS (
    SELECT classoid, objoid, objsubid, description FROM pg_description
    WHERE classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass, 'pg_trigger'::regclass,
                       'pg_type'::regclass)
),
-- Object comments: (key of the commented object, COMMENT ON target, text, key of what it
-- belongs to: the object, but a column's NOT NULL's, PostgreSQL 18: the column).
comments AS (
    SELECT r.label || ' ' || r.qname AS object, upper(r.label) || ' ' || r.qname AS target,
           d.description, r.label || ' ' || r.qname AS parent
    FROM rels r JOIN descr d
        ON d.classoid = 'pg_class'::regclass AND d.objoid = r.oid AND d.objsubid = 0
    UNION ALL
    SELECT 'column ' || format('%s.%I', c.qname, c.attname),
           'COLUMN ' || format('%s.%I', c.qname, c.attname), d.description,
           'column ' || format('%s.%I', c.qname, c.attname)
    FROM cols c JOIN descr d
        ON d.classoid = 'pg_class'::regclass AND d.objoid = c.relid AND d.objsubid = c.attnum
    UNION ALL
    SELECT 'index ' || format('%I.%I', n.nspname, ic.relname),
           'INDEX ' || format('%I.%I', n.nspname, ic.relname), d.description,
           'index ' || format('%I.%I', n.nspname, ic.relname)
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN nsp n ON n.oid = ic.relnamespace JOIN rels r ON r.oid = i.indrelid
    JOIN descr d ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid AND d.objsubid = 0
    UNION ALL
    SELECT 'constraint ' || format('%s.%I', r.qname, con.conname),
           format('CONSTRAINT %I ON %s', con.conname, r.qname), d.description,
           CASE WHEN con.contype = 'n' AND con.convalidated
                THEN (SELECT 'column ' || format('%s.%I', r.qname, a.attname) FROM pg_attribute a
                      WHERE a.attrelid = con.conrelid AND a.attnum = con.conkey[1])
                ELSE 'constraint ' || format('%s.%I', r.qname, con.conname) END
    FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
    JOIN descr d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
    UNION ALL
    SELECT 'trigger ' || format('%s.%I', r.qname, t.tgname),
           format('TRIGGER %I ON %s', t.tgname, r.qname), d.description,
           'trigger ' || format('%s.%I', r.qname, t.tgname)
    FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
    JOIN descr d ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
    WHERE NOT t.tgisinternal
    UNION ALL
    SELECT 'function ' || p.name,
           CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || p.name,
           d.description, 'function ' || p.name
    FROM procs p
    CROSS JOIN LATERAL (SELECT d.description FROM pg_description d
                        WHERE d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid OFFSET 0) d
    WHERE p.prokind <> 'a'
    UNION ALL
    SELECT 'type ' || t.name, CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || t.name,
           d.description, 'type ' || t.name
    FROM types t JOIN descr d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
    UNION ALL
    SELECT 'schema ' || n.nspname, format('SCHEMA %I', n.nspname), d.description,
           'schema ' || n.nspname
    FROM nsp n JOIN pg_description d
        ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid
),
-- The tables a relation is a partition or a child of, as keys.
parents AS (
    SELECT i.inhrelid AS relid, i.inhseqno, p.qname, p.label || ' ' || p.qname AS key
    FROM pg_inherits i JOIN rels p ON p.oid = i.inhparent
),
-- Relations a view's query reads (its rewrite rule's dependencies), as keys.
view_deps AS (
    SELECT w.ev_class AS viewid,
           json_agg(DISTINCT r.label || ' ' || r.qname) AS deps
    FROM pg_rewrite w
    JOIN pg_depend dep ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = w.oid
                      AND dep.refclassid = 'pg_class'::regclass
    JOIN rels r ON r.oid = dep.refobjid
    WHERE r.oid <> w.ev_class
    GROUP BY w.ev_class
)
SELECT 'schema'::text AS kind, nspname::text AS name, ''::text AS parent, ''::text AS comes_with,
       format('CREATE SCHEMA %I;', nspname) AS create_sql,
       format('DROP SCHEMA %I;', nspname) AS drop_sql, ''::text AS definition, '{}'::text AS attrs
FROM nsp
UNION ALL
SELECT 'extension', extname::text, '', '',
       format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I;', extname,
              (SELECT nspname FROM pg_namespace WHERE oid = extnamespace)),
       format('DROP EXTENSION %I;', extname), extversion,
       json_build_object('update', format('ALTER EXTENSION %I UPDATE TO %L;', extname,
                                          extversion))::text
FROM pg_extension
UNION ALL
SELECT r.label, r.qname, 'schema ' || r.nspname,
       CASE WHEN r.relkind = 'S' THEN
           coalesce((SELECT 'column ' || format('%s.%I', o.qname, a.attname)
                     FROM pg_depend dep JOIN rels o ON o.oid = dep.refobjid
                     JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                     WHERE dep.classid = 'pg_class'::regclass AND dep.objid = r.oid
                       AND dep.deptype = 'i'), '')
            ELSE '' END,
       CASE r.relkind
           WHEN 'S' THEN format('CREATE %sSEQUENCE %s AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s '
                                'START WITH %s CACHE %s %sCYCLE;',
                                CASE WHEN r.relpersistence = 'u' THEN 'UNLOGGED ' ELSE '' END,
                                r.qname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin,
                                s.seqmax, s.seqstart, s.seqcache,
                                CASE WHEN s.seqcycle THEN '' ELSE 'NO ' END)
           WHEN 'v' THEN format(E'CREATE VIEW %s%s AS\n%s;', r.qname,
                                ' WITH (' || array_to_string(r.reloptions, ', ') || ')',
                                rtrim(x.viewdef, ';'))
           WHEN 'm' THEN format(E'CREATE MATERIALIZED VIEW %s AS\n%s\nWITH DATA;', r.qname,
                                rtrim(x.viewdef, ';'))
           WHEN 'f' THEN ''
           ELSE CASE WHEN r.relispartition
                     THEN format('CREATE TABLE %s PARTITION OF %s %s%s;', r.qname,
                                 (SELECT p.qname FROM parents p WHERE p.relid = r.oid),
                                 x.partbound, ' PARTITION BY ' || x.partkey)
                     ELSE format(E'CREATE %sTABLE %s (\n%s\n)%s;',
                                 CASE WHEN r.relpersistence = 'u' THEN 'UNLOGGED ' ELSE '' END,
                                 r.qname,
                                 coalesce(tb.body, ''), ' PARTITION BY ' || x.partkey) END
                || CASE WHEN r.relrowsecurity
                        THEN format(E'\nALTER TABLE %s ENABLE ROW LEVEL SECURITY;', r.qname)
                        ELSE '' END
                || CASE WHEN r.relforcerowsecurity
                        THEN format(E'\nALTER TABLE %s FORCE ROW LEVEL SECURITY;', r.qname)
                        ELSE '' END
       END,
       format('DROP %s %s;', upper(r.label), r.qname),
       CASE WHEN r.relkind IN ('v', 'm') THEN x.viewdef
            WHEN r.relkind = 'S'
                THEN format('AS %s INCREMENT %s MINVALUE %s MAXVALUE %s START %s CACHE %s %s',
                            format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax,
                            s.seqstart, s.seqcache, s.seqcycle)
            ELSE concat_ws(' ', r.relpersistence, r.relrowsecurity, r.relforcerowsecurity,
                           r.relispartition, x.partbound, x.partkey)
       END,
       json_build_object(
           'relkind', r.relkind, 'persistence', r.relpersistence,
           'rls', r.relrowsecurity, 'force_rls', r.relforcerowsecurity,
           'partition', r.relispartition, 'partitioned', r.relkind = 'p',
           'reloptions', array_to_string(r.reloptions, ', '),
           'deps', coalesce(vd.deps, '[]'::json),
           -- the tables it is a partition or a child of, as keys
           'inherits', (SELECT coalesce(json_agg(p.key ORDER BY p.inhseqno), '[]'::json)
                        FROM parents p WHERE p.relid = r.oid),
           'sequence_options',
               CASE WHEN r.relkind = 'S'
                    THEN format('AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s '
                                '%sCYCLE', format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin,
                                s.seqmax, s.seqstart, s.seqcache,
                                CASE WHEN s.seqcycle THEN '' ELSE 'NO ' END) END,
           'owned_by',
               CASE WHEN r.relkind = 'S' THEN
                   (SELECT format('%s.%I', o.qname, a.attname)
                    FROM pg_depend dep JOIN rels o ON o.oid = dep.refobjid
                    JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                    WHERE dep.classid = 'pg_class'::regclass AND dep.objid = r.oid
                      AND dep.deptype = 'a') END)::text
FROM rels r
CROSS JOIN LATERAL (SELECT CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true)
                           END AS viewdef,
                           CASE WHEN r.relkind IN ('r', 'p', 'f') THEN pg_get_partkeydef(r.oid)
                           END AS partkey,
                           pg_get_expr(r.relpartbound, r.oid) AS partbound
                    OFFSET 0) x
LEFT JOIN pg_sequence s ON s.seqrelid = r.oid
LEFT JOIN view_deps vd ON vd.viewid = r.oid
LEFT JOIN table_bodies tb ON tb.relid = r.oid
UNION ALL
SELECT 'column', format('%s.%I', c.qname, c.attname),
       CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                      WHEN 'f' THEN 'foreign table ' ELSE 'table ' END || c.qname,
       CASE WHEN c.relkind IN ('v', 'm', 'f') OR NOT c.attislocal OR c.relispartition
            THEN CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                                WHEN 'f' THEN 'foreign table ' ELSE 'table ' END || c.qname
            ELSE '' END,
       format('ALTER TABLE %s ADD COLUMN %s;', c.qname, c.def),
       format('ALTER TABLE %s DROP COLUMN %I;', c.qname, c.attname),
       format('#%s %s', c.position, c.def) || CASE WHEN c.attstattarget >= 0
                                                   THEN ' STATISTICS ' || c.attstattarget
                                                   ELSE '' END,
       -- a virtual column's expression (PostgreSQL 18) as the last key, only where there is one
       CASE WHEN c.virtual IS NULL THEN j.attrs
            ELSE left(j.attrs, -1) || ', "virtual" : ' || to_json(c.virtual)::text || '}' END
FROM coldefs c
CROSS JOIN LATERAL (
    SELECT json_build_object('table', c.qname, 'column', quote_ident(c.attname), 'type', c.type,
                             'typeoid', c.atttypid, 'enum', c.enum_kind, 'collation', c.collation,
                             'not_null', c.attnotnull, 'default', c.default_expr,
                             'generated', c.generated, 'identity', c.attidentity::text,
                             'statistics', c.attstattarget, 'position', c.position,
                             'def', substr(c.def, length(quote_ident(c.attname)) + 2))::text
               AS attrs) j
UNION ALL
SELECT 'constraint', format('%s.%I', r.qname, con.conname), r.label || ' ' || r.qname,
       CASE WHEN con.conislocal AND con.conparentid = 0 THEN '' ELSE r.label || ' ' || r.qname END,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s;', r.qname, con.conname, x.def),
       format('ALTER TABLE %s DROP CONSTRAINT %I;', r.qname, con.conname),
       x.def,
       json_build_object('type', con.contype,
                         'references', (SELECT 'table ' || format('%I.%I', fn.nspname, fc.relname)
                                        FROM pg_class fc
                                        JOIN pg_namespace fn ON fn.oid = fc.relnamespace
                                        WHERE fc.oid = con.confrelid),
                         -- a foreign key's columns and the columns it references, quoted
                         'columns', fk.columns, 'ref_columns', fk.ref_columns)::text
FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
LEFT JOIN fk_columns fk ON fk.oid = con.oid
CROSS JOIN LATERAL (SELECT pg_get_constraintdef(con.oid, true) AS def OFFSET 0) x
WHERE con.contype <> 'n' OR NOT con.convalidated
UNION ALL
SELECT 'index', format('%I.%I', n.nspname, ic.relname), r.label || ' ' || r.qname,
       coalesce((SELECT 'constraint ' || format('%s.%I', r.qname, con.conname)
                 FROM pg_constraint con
                 WHERE con.conindid = i.indexrelid AND con.conrelid = r.oid
                   AND con.contype IN ('p', 'u', 'x')),
                CASE WHEN ic.relispartition THEN r.label || ' ' || r.qname END, ''),
       x.def || ';',
       format('DROP INDEX %I.%I;', n.nspname, ic.relname),
       x.def,
       json_build_object('on', r.label)::text
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN rels r ON r.oid = i.indrelid
JOIN nsp n ON n.oid = ic.relnamespace
CROSS JOIN LATERAL (SELECT pg_get_indexdef(i.indexrelid) AS def OFFSET 0) x
UNION ALL
SELECT 'trigger', format('%s.%I', r.qname, t.tgname), r.label || ' ' || r.qname,
       CASE WHEN t.tgparentid <> 0 THEN r.label || ' ' || r.qname ELSE '' END,
       x.def || ';'
           || CASE t.tgenabled
                  WHEN 'D' THEN format(E'\nALTER TABLE %s DISABLE TRIGGER %I;', r.qname, t.tgname)
                  WHEN 'R' THEN format(E'\nALTER TABLE %s ENABLE REPLICA TRIGGER %I;', r.qname,
                                       t.tgname)
                  WHEN 'A' THEN format(E'\nALTER TABLE %s ENABLE ALWAYS TRIGGER %I;', r.qname,
                                       t.tgname)
                  ELSE '' END,
       format('DROP TRIGGER %I ON %s;', t.tgname, r.qname),
       x.def || ' ' || t.tgenabled::text,
       json_build_object('function', t.tgfoid::regproc::text)::text
FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
CROSS JOIN LATERAL (SELECT pg_get_triggerdef(t.oid, true) AS def OFFSET 0) x
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'rule', format('%s.%I', r.qname, w.rulename), r.label || ' ' || r.qname, '',
       x.def
           || CASE w.ev_enabled WHEN 'D' THEN format(E'\nALTER TABLE %s DISABLE RULE %I;', r.qname,
                                                     w.rulename)
                                ELSE '' END,
       format('DROP RULE %I ON %s;', w.rulename, r.qname),
       x.def || ' ' || w.ev_enabled::text, '{}'
FROM pg_rewrite w JOIN rels r ON r.oid = w.ev_class
CROSS JOIN LATERAL (SELECT pg_get_ruledef(w.oid, true) AS def OFFSET 0) x
WHERE w.rulename <> '_RETURN'
UNION ALL
SELECT 'policy', format('%s.%I', r.qname, p.polname), r.label || ' ' || r.qname, '',
       concat(format('CREATE POLICY %I ON %s AS %s FOR %s TO %s', p.polname, r.qname,
                     CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
                     CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
                                   WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                     (SELECT string_agg(CASE WHEN ro = 0 THEN 'PUBLIC'
                                             ELSE quote_ident(pg_get_userbyid(ro)) END, ', ')
                      FROM unnest(p.polroles) ro)),
              ' USING (' || x.qual || ')', ' WITH CHECK (' || x.withcheck || ')', ';'),
       format('DROP POLICY %I ON %s;', p.polname, r.qname),
       concat_ws(' ', p.polpermissive, p.polcmd, p.polroles::text,
                 x.qual, x.withcheck),
       '{}'
FROM pg_policy p JOIN rels r ON r.oid = p.polrelid
CROSS JOIN LATERAL (SELECT pg_get_expr(p.polqual, p.polrelid) AS qual,
                           pg_get_expr(p.polwithcheck, p.polrelid) AS withcheck OFFSET 0) x
UNION ALL
SELECT 'type', t.name, 'schema ' || t.nspname, '',
       CASE t.typtype
           WHEN 'e' THEN format('CREATE TYPE %s AS ENUM (%s);', t.name, e.labels)
           WHEN 'd' THEN concat(format('CREATE DOMAIN %s AS %s', t.name,
                                       format_type(t.typbasetype, t.typtypmod)),
                                ' DEFAULT ' || t.typdefault,
                                CASE WHEN t.typnotnull THEN ' NOT NULL' END, ';')
           ELSE format(E'CREATE TYPE %s AS (\n%s\n);', t.name,
                       (SELECT string_agg(format('    %I %s', a.attname,
                                                 format_type(a.atttypid, a.atttypmod)),
                                          E',\n' ORDER BY a.attnum)
                        FROM pg_attribute a
                        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
       END,
       format('DROP %s %s;', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.name),
       concat_ws(' ', t.typtype, e.labels, format_type(t.typbasetype, t.typtypmod), t.typnotnull,
                 t.typdefault,
                 (SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)),
                                    ', ' ORDER BY a.attnum)
                  FROM pg_attribute a
                  WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0
                    AND NOT a.attisdropped)),
       json_build_object(
           'typtype', t.typtype, 'labels', coalesce(e.list, '[]'::json),
           'quoted_labels', coalesce(e.quoted, '[]'::json),
           'rename_old', format('ALTER TYPE %s RENAME TO %I;', t.name, t.typname || '_uaip_old'),
           'old_name', format('%I.%I', t.nspname, t.typname || '_uaip_old'),
           'base', format_type(t.typbasetype, t.typtypmod), 'default', t.typdefault,
           'not_null', t.typnotnull,
           -- what CREATE grants PUBLIC and this one no longer has
           'revoke_public',
               CASE WHEN t.typacl IS NOT NULL
                         AND NOT EXISTS (SELECT 1 FROM aclexplode(t.typacl) e WHERE e.grantee = 0)
                    THEN format('REVOKE ALL ON %s %s FROM PUBLIC;',
                                CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.name) END,
           -- the types of ours it is made of (a domain's base type, a composite's attribute
           -- types; arrays of them too), as keys
           'type_deps', (SELECT coalesce(json_agg(DISTINCT 'type ' || d.name), '[]'::json)
                         FROM (SELECT t.typbasetype AS oid
                               UNION ALL
                               SELECT a.atttypid FROM pg_attribute a
                               WHERE t.typtype = 'c' AND a.attrelid = t.typrelid
                                 AND a.attnum > 0 AND NOT a.attisdropped) u
                         CROSS JOIN LATERAL (SELECT x.oid, x.typelem FROM pg_type x
                                             WHERE x.oid = u.oid OFFSET 0) x
                         JOIN types d ON d.oid IN (x.oid, x.typelem)
                         WHERE d.oid <> t.oid),
           -- the table columns of this type or an array of it (an enum made again converts them)
           'used_by', coalesce(tu.used_by, '[]'::json))::text
FROM types t
LEFT JOIN type_users tu ON tu.typid = t.oid
LEFT JOIN (SELECT enumtypid, string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder)
                              AS labels,
                  json_agg(enumlabel ORDER BY enumsortorder) AS list,
                  json_agg(quote_literal(enumlabel) ORDER BY enumsortorder) AS quoted
           FROM pg_enum GROUP BY enumtypid) e ON e.enumtypid = t.oid
UNION ALL
SELECT 'domain constraint', format('%s.%I', t.name, con.conname), 'type ' || t.name, '',
       format('ALTER DOMAIN %s ADD CONSTRAINT %I %s;', t.name, con.conname, x.def),
       format('ALTER DOMAIN %s DROP CONSTRAINT %I;', t.name, con.conname),
       x.def,
       -- the functions its CHECK calls: added after them (a domain is created before them)
       json_build_object('function_deps',
                         (SELECT coalesce(json_agg(DISTINCT 'function ' || q.name), '[]'::json)
                          FROM pg_depend dep JOIN procs q ON q.oid = dep.refobjid
                          WHERE dep.classid = 'pg_constraint'::regclass AND dep.objid = con.oid
                            AND dep.refclassid = 'pg_proc'::regclass))::text
FROM pg_constraint con JOIN types t ON t.oid = con.contypid
CROSS JOIN LATERAL (SELECT pg_get_constraintdef(con.oid, true) AS def OFFSET 0) x
WHERE con.contype <> 'n'
UNION ALL
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'function' END, p.name,
       'schema ' || p.nspname, '',
       CASE WHEN p.prokind <> 'a' THEN rtrim(x.def, E'\n') || ';' ELSE '' END,
       format('DROP %s %s;', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE'
                                            ELSE 'FUNCTION' END, p.name),
       CASE WHEN p.prokind <> 'a' THEN x.def ELSE p.oid::regprocedure::text END,
       json_build_object('result', pg_get_function_result(p.oid),
                         -- the functions a SQL-standard body (RETURN, BEGIN ATOMIC) calls
                         'function_deps',
                         (SELECT coalesce(json_agg(DISTINCT 'function ' || q.name), '[]'::json)
                          FROM pg_depend dep JOIN procs q ON q.oid = dep.refobjid
                          WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid
                            AND dep.refclassid = 'pg_proc'::regclass AND q.oid <> p.oid
                            AND q.prokind <> 'a'),
                         -- what CREATE grants PUBLIC and this one no longer has
                         'revoke_public',
                         CASE WHEN p.prokind <> 'a' AND p.proacl IS NOT NULL
                                   AND NOT EXISTS (SELECT 1 FROM aclexplode(p.proacl) e
                                                   WHERE e.grantee = 0)
                              THEN format('REVOKE ALL ON %s %s FROM PUBLIC;',
                                          CASE p.prokind WHEN 'p' THEN 'PROCEDURE'
                                                         ELSE 'FUNCTION' END, p.name) END)::text
FROM procs p
CROSS JOIN LATERAL (SELECT CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS def
                    OFFSET 0) x
UNION ALL
-- A sequence a column owns (serial, identity) has its table's owner: ALTER TABLE ... OWNER
-- makes it, ALTER SEQUENCE ... OWNER is refused.
SELECT 'owner', o.label || ' ' || o.name, o.label || ' ' || o.name,
       CASE WHEN o.label = 'sequence'
            THEN coalesce((SELECT 'owner table ' || t.qname
                           FROM pg_depend dep JOIN rels t ON t.oid = dep.refobjid
                           WHERE dep.classid = 'pg_class'::regclass AND dep.objid = o.objoid
                             AND dep.refclassid = 'pg_class'::regclass
                             AND dep.deptype IN ('a', 'i') AND dep.refobjsubid > 0
                           LIMIT 1), '')
            ELSE '' END,
       format('ALTER %s %s OWNER TO %I;', o.word, o.sqlname, pg_get_userbyid(o.owner)),
       format('ALTER %s %s OWNER TO CURRENT_USER;', o.word, o.sqlname),
       pg_get_userbyid(o.owner)::text,
       json_build_object('role', pg_get_userbyid(o.owner))::text
FROM owned o
WHERE o.owner NOT IN (SELECT oid FROM me)
UNION ALL
SELECT 'grant', g.label || ' ' || g.name || ' to ' || g.who, g.label || ' ' || g.name, '',
       concat_ws(E'\n',
                 CASE WHEN g.plain IS NULL THEN NULL
                      WHEN g.colname = ''
                      THEN format('GRANT %s ON %s %s TO %s;', g.plain, g.grantword, g.sqlname,
                                  g.who)
                      ELSE format('GRANT %s (%I) ON TABLE %s TO %s;',
                                  replace(g.plain, ', ', format(' (%I), ', g.colname)), g.colname,
                                  left(g.name, length(g.name) - length(quote_ident(g.colname)) - 1),
                                  g.who) END,
                 CASE WHEN g.grantable IS NULL THEN NULL
                      WHEN g.colname = ''
                      THEN format('GRANT %s ON %s %s TO %s WITH GRANT OPTION;', g.grantable,
                                  g.grantword, g.sqlname, g.who)
                      ELSE format('GRANT %s (%I) ON TABLE %s TO %s WITH GRANT OPTION;',
                                  replace(g.grantable, ', ', format(' (%I), ', g.colname)),
                                  g.colname,
                                  left(g.name, length(g.name) - length(quote_ident(g.colname)) - 1),
                                  g.who) END),
       CASE WHEN g.colname = ''
            THEN format('REVOKE ALL ON %s %s FROM %s;', g.grantword, g.sqlname, g.who)
            ELSE format('REVOKE ALL (%I) ON TABLE %s FROM %s;', g.colname,
                        left(g.name, length(g.name) - length(quote_ident(g.colname)) - 1), g.who)
       END,
       concat_ws(' / ', g.plain, g.grantable),
       json_build_object('role', g.role, 'by_default', g.by_default)::text
FROM grantees g
UNION ALL
SELECT 'comment on', c.object, c.parent, '',
       format('COMMENT ON %s IS %L;', c.target, c.description),
       format('COMMENT ON %s IS NULL;', c.target), c.description, '{}'
FROM comments c
ORDER BY 1, 2
