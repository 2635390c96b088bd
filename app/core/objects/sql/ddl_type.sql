-- The statements that create one enum, composite or range type or domain
-- (ObjectCatalog::ddl), as pg_dump -s writes them: CREATE TYPE ... AS ENUM (labels in their
-- order), AS (attributes with a collation other than their type's), AS RANGE (subtype, the
-- multirange's name, a non-default operator class, collation, canonical and subtype_diff
-- functions); CREATE DOMAIN with collation, NOT NULL, default and its validated CHECK
-- constraints (a NOT VALID one as ALTER DOMAIN ... ADD CONSTRAINT); its owner; then the
-- comments on the type, its constraints and a composite's attributes. PostgreSQL 17 keeps a
-- domain's NOT NULL as a constraint too (kind 'n'): not a CHECK; pg_dump 18 writes its name
-- when it is not the default one, and its comment after the CHECKs' (pg_dump 17 neither). The
-- privileges are ddl_privileges.sql's. Parameter: the type's oid. Run with search_path empty.
-- Columns: ord, sub, statement.
WITH ty AS (
    SELECT t.oid, t.typtype, t.typrelid, t.typowner, t.typbasetype, t.typtypmod, t.typnotnull,
           t.typcollation, t.typdefault, t.typdefaultbin, t.typname,
           pg_catalog.format('%I.%I', n.nspname, t.typname) AS qname
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE t.oid = $1::pg_catalog.oid AND t.typtype IN ('e', 'c', 'r', 'd')
),
coll AS (
    SELECT co.oid, pg_catalog.format('%I.%I', cn.nspname, co.collname) AS qname
    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
)
SELECT 10 AS ord, ''::text COLLATE "C" AS sub,
       CASE t.typtype
           WHEN 'e' THEN pg_catalog.format(E'CREATE TYPE %s AS ENUM (\n%s\n);', t.qname,
               (SELECT pg_catalog.string_agg('    ' || pg_catalog.quote_literal(e.enumlabel),
                                             E',\n' ORDER BY e.enumsortorder)
                FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid))
           WHEN 'c' THEN pg_catalog.format(E'CREATE TYPE %s AS (\n%s\n);', t.qname,
               (SELECT pg_catalog.string_agg(
                           pg_catalog.format(E'\t%I %s', a.attname,
                                             pg_catalog.format_type(a.atttypid, a.atttypmod))
                           || coalesce(' COLLATE ' || (SELECT c.qname FROM coll c
                                                       WHERE c.oid = a.attcollation
                                                         AND a.attcollation <> at.typcollation),
                                       ''),
                           E',\n' ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
           WHEN 'r' THEN (SELECT pg_catalog.concat(
                   pg_catalog.format(E'CREATE TYPE %s AS RANGE (\n    subtype = %s', t.qname,
                                     pg_catalog.format_type(r.rngsubtype, NULL)),
                   E',\n    multirange_type_name = '
                       || pg_catalog.format_type(r.rngmultitypid, NULL),
                   CASE WHEN NOT oc.opcdefault
                        THEN pg_catalog.format(E',\n    subtype_opclass = %I.%I', ocn.nspname,
                                               oc.opcname) END,
                   E',\n    collation = ' || (SELECT c.qname FROM coll c
                                              WHERE c.oid = r.rngcollation
                                                AND r.rngcollation <> st.typcollation),
                   CASE WHEN r.rngcanonical <> 0
                        THEN E',\n    canonical = ' || r.rngcanonical::pg_catalog.regproc::text END,
                   CASE WHEN r.rngsubdiff <> 0
                        THEN E',\n    subtype_diff = ' || r.rngsubdiff::pg_catalog.regproc::text END,
                   E'\n);')
               FROM pg_catalog.pg_range r
               JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
               JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
               JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
               WHERE r.rngtypid = t.oid)
           ELSE pg_catalog.concat(
               pg_catalog.format('CREATE DOMAIN %s AS %s', t.qname,
                                 pg_catalog.format_type(t.typbasetype, t.typtypmod)),
               ' COLLATE ' || (SELECT c.qname FROM coll c JOIN pg_catalog.pg_type bt
                                   ON bt.oid = t.typbasetype
                               WHERE c.oid = t.typcollation AND t.typcollation <> bt.typcollation),
               CASE WHEN t.typnotnull
                    THEN coalesce((SELECT pg_catalog.format(' CONSTRAINT %I %s', con.conname,
                                                            pg_catalog.pg_get_constraintdef(con.oid))
                                   FROM pg_catalog.pg_constraint con
                                   WHERE con.contypid = t.oid AND con.contype = 'n'
                                     AND con.conname <> t.typname || '_not_null'
                                     AND pg_catalog.current_setting('server_version_num')::integer
                                         >= 180000),
                                  ' NOT NULL') END,
               ' DEFAULT ' || coalesce(pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typdefault),
               (SELECT pg_catalog.string_agg(
                           pg_catalog.format(E'\n\tCONSTRAINT %I %s', con.conname,
                                             pg_catalog.pg_get_constraintdef(con.oid)),
                           '' ORDER BY con.conname)
                FROM pg_catalog.pg_constraint con
                WHERE con.contypid = t.oid AND con.contype = 'c' AND con.convalidated),
               ';') END AS statement
FROM ty t
UNION ALL
SELECT 15, '', pg_catalog.format('ALTER %s %s OWNER TO %I;',
                                 CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.qname,
                                 pg_catalog.pg_get_userbyid(t.typowner))
FROM ty t
UNION ALL
SELECT 20, con.conname,
       pg_catalog.format(E'ALTER DOMAIN %s\n    ADD CONSTRAINT %I %s;', t.qname, con.conname,
                         pg_catalog.pg_get_constraintdef(con.oid))
FROM ty t JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid
WHERE NOT con.convalidated
UNION ALL
SELECT 30, '', pg_catalog.format('COMMENT ON %s %s IS %L;',
                                 CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.qname,
                                 d.description)
FROM ty t JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objoid = t.oid
UNION ALL
SELECT 31, lpad(a.attnum::text, 6, '0'),
       pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L;', t.qname, a.attname, d.description)
FROM ty t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND t.typtype = 'c'
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = t.typrelid
   AND d.objsubid = a.attnum
UNION ALL
SELECT CASE con.contype WHEN 'n' THEN 33 ELSE 32 END, con.conname,
       pg_catalog.format('COMMENT ON CONSTRAINT %I ON DOMAIN %s IS %L;', con.conname, t.qname,
                         d.description)
FROM ty t JOIN pg_catalog.pg_constraint con ON con.contypid = t.oid
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = con.oid
WHERE con.contype <> 'n' OR pg_catalog.current_setting('server_version_num')::integer >= 180000
ORDER BY ord, sub
