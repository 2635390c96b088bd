-- The statements that create one table (ObjectDdl), in the order and the form pg_dump -s
-- writes them: CREATE TABLE with its columns (type, generated expression, stored or, PostgreSQL
-- 18, virtual, or default, NOT NULL, collation) and validated CHECK constraints, INHERITS,
-- PARTITION BY and storage options (its own and its TOAST table's, quoted as pg_dump quotes
-- them); PostgreSQL 18 keeps a NOT NULL as a constraint: its name when not the default one (or
-- commented), NO INHERIT, an inherited column's own NOT NULL in CREATE TABLE, a NOT VALID one
-- apart (as a NOT VALID check), as pg_dump 18 writes them; per column SET NOT NULL (before 18),
-- SET STATISTICS, SET STORAGE (other than its type's), SET COMPRESSION and SET (options);
-- REPLICA IDENTITY NOTHING or FULL; the owner; the comments on it, its columns and its CHECK
-- constraints; the sequences its columns own (identity, serial; a serial's with its owner) and
-- the defaults that use them; a partition's ATTACH with its bound; primary key, unique and
-- exclusion constraints; the valid indexes (as pg_dump) no constraint owns and their attachment to a partitioned
-- index, each with CLUSTER ON and REPLICA IDENTITY USING INDEX when it is the table's;
-- triggers (not a partition's clones), rules, foreign keys, NOT VALID checks (and NOT NULLs),
-- row-level security and its policies, each followed by its comment. The privileges are
-- ddl_privileges.sql's. Parameter: the table's oid. Run with search_path empty, so every name
-- outside pg_catalog is schema-qualified, as in pg_dump's output. Columns: ord, sub, statement
-- (ordered by ord, then sub).
WITH rel AS (
    SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.relispartition, c.reloptions AS relreloptions,
           c.reloftype, c.reltoastrelid, c.relreplident, c.relowner,
           c.relrowsecurity, c.relforcerowsecurity, c.relpartbound, n.nspname,
           pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname,
           pg_catalog.current_setting('server_version_num')::integer >= 180000 AS v18
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = $1::pg_catalog.oid AND c.relkind IN ('r', 'p')
),
seqs AS (
    SELECT s.seqrelid, d.deptype, a.attname, a.attidentity, sc.relowner,
           pg_catalog.format('%I.%I', sn.nspname, sc.relname) AS seqname,
           pg_catalog.concat(
               CASE WHEN s.seqtypid <> 'pg_catalog.int8'::pg_catalog.regtype AND d.deptype = 'a'
                    THEN E'\n    AS ' || pg_catalog.format_type(s.seqtypid, NULL) END,
               E'\n    START WITH ', s.seqstart, E'\n    INCREMENT BY ', s.seqincrement,
               CASE WHEN s.seqmin = CASE WHEN s.seqincrement > 0 THEN 1 ELSE lim.low END
                    THEN E'\n    NO MINVALUE' ELSE E'\n    MINVALUE ' || s.seqmin END,
               CASE WHEN s.seqmax = CASE WHEN s.seqincrement > 0 THEN lim.high ELSE -1 END
                    THEN E'\n    NO MAXVALUE' ELSE E'\n    MAXVALUE ' || s.seqmax END,
               E'\n    CACHE ', s.seqcache, CASE WHEN s.seqcycle THEN E'\n    CYCLE' END) AS opts
    FROM rel r
    JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.refobjid = r.oid AND d.refobjsubid > 0
                                AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                AND d.deptype IN ('a', 'i')
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
    JOIN pg_catalog.pg_class sc ON sc.oid = s.seqrelid
    JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.refobjsubid
    CROSS JOIN LATERAL (
        SELECT CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN -32768
                               WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN -2147483648
                               ELSE -9223372036854775808 END AS low,
               CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
                               WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647
                               ELSE 9223372036854775807 END AS high) lim
),
cols AS (
    SELECT a.attnum, a.attname, a.attgenerated, a.attnotnull, a.attcompression,
           a.attstattarget, a.attstorage, t.typstorage, a.attoptions,
           -- what CREATE TABLE writes: the local columns (all of a partition's)
           a.attislocal OR r.relispartition AS shown,
           -- its NOT NULL as pg_dump writes it (its notnull_name): NULL for none, '' unnamed,
           -- else the constraint's name (PostgreSQL 18: unless it is the default one and has no
           -- comment; a NOT VALID one is written apart, as a NOT VALID check: NULL here)
           CASE WHEN NOT r.v18 THEN CASE WHEN a.attnotnull THEN '' END
                WHEN nn.oid IS NULL OR NOT nn.convalidated THEN NULL
                WHEN nn.conname = r.relname || '_' || a.attname || '_not_null'
                     AND nnd.description IS NULL THEN ''
                ELSE nn.conname END AS nn_name,
           coalesce(r.v18 AND nn.connoinherit, false) AS nn_noinh,
           -- whether the NOT NULL is this table's own (pg_dump's notnull_islocal): before 18,
           -- when no parent has the column NOT NULL (its inhNotNull); from 18 on, the
           -- constraint's conislocal, or no parent having it as a valid one
           CASE WHEN NOT r.v18
                THEN NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h
                                 JOIN pg_catalog.pg_attribute pa ON pa.attrelid = h.inhparent
                                                                AND pa.attname = a.attname
                                 WHERE h.inhrelid = r.oid AND pa.attnotnull)
                ELSE coalesce(nn.conislocal, false)
                     OR (EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = r.oid)
                         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h
                                         JOIN pg_catalog.pg_attribute pa
                                             ON pa.attrelid = h.inhparent AND pa.attname = a.attname
                                         JOIN pg_catalog.pg_constraint pn
                                             ON pn.conrelid = pa.attrelid AND pn.contype = 'n'
                                            AND pn.conkey = ARRAY[pa.attnum] AND pn.convalidated
                                         WHERE h.inhrelid = r.oid)) END AS nn_local,
           pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
           (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname)
            FROM pg_catalog.pg_collation co
            JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation) AS collation,
           pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expr,
           -- a default that uses a sequence the table owns is set after that sequence
           EXISTS (SELECT 1 FROM pg_catalog.pg_depend dd JOIN seqs s ON s.seqrelid = dd.refobjid
                   WHERE dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                     AND dd.objid = d.oid) AS separate
    FROM rel r
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    -- the column's NOT NULL constraint (PostgreSQL 18) and its comment
    LEFT JOIN pg_catalog.pg_constraint nn
        ON nn.conrelid = r.oid AND nn.contype = 'n' AND nn.conkey = ARRAY[a.attnum]
    LEFT JOIN pg_catalog.pg_description nnd
        ON nnd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND nnd.objoid = nn.oid
),
lines AS (
    -- a typed table's columns come from its type: written only for a default or NOT NULL
    SELECT 1 AS grp, c.attnum::text AS k,
           pg_catalog.format('    %I', c.attname)
           || CASE WHEN r.reloftype = 0 THEN ' ' || c.type ELSE '' END
           || CASE WHEN c.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || c.expr || ') STORED'
                   -- a virtual one (PostgreSQL 18): pg_dump 18 writes no VIRTUAL, the default
                   WHEN c.attgenerated = 'v' THEN ' GENERATED ALWAYS AS (' || c.expr || ')'
                   WHEN c.expr IS NOT NULL AND NOT c.separate THEN ' DEFAULT ' || c.expr
                   ELSE '' END
           || CASE WHEN c.nn_name IS NOT NULL AND (c.nn_local OR r.relispartition)
                   THEN CASE WHEN c.nn_name = '' THEN ' NOT NULL'
                             ELSE pg_catalog.format(' CONSTRAINT %I NOT NULL', c.nn_name) END
                        || CASE WHEN c.nn_noinh THEN ' NO INHERIT' ELSE '' END
                   ELSE '' END
           || coalesce(' COLLATE ' || c.collation, '') AS line
    FROM rel r, cols c
    WHERE c.shown
      AND (r.reloftype = 0 OR (c.expr IS NOT NULL AND NOT c.separate)
           OR (c.nn_name IS NOT NULL AND (c.nn_local OR r.relispartition)))
    UNION ALL
    -- PostgreSQL 18: the NOT NULL of its own of a column CREATE TABLE does not write (an
    -- inherited column's), as a table constraint in its place
    SELECT 1, c.attnum::text,
           CASE WHEN c.nn_name = '' THEN pg_catalog.format('    NOT NULL %I', c.attname)
                ELSE pg_catalog.format('    CONSTRAINT %I NOT NULL %I', c.nn_name, c.attname) END
           || CASE WHEN c.nn_noinh THEN ' NO INHERIT' ELSE '' END
    FROM rel r, cols c
    WHERE r.v18 AND NOT c.shown AND c.nn_name IS NOT NULL AND c.nn_local
    UNION ALL
    SELECT 2, con.conname::text,
           pg_catalog.format('    CONSTRAINT %I %s', con.conname,
                             pg_catalog.pg_get_constraintdef(con.oid))
    FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
    WHERE con.contype = 'c' AND con.convalidated AND con.conislocal
),
idx AS (
    SELECT i.indexrelid, ic.relname, i.indisclustered, i.indisreplident,
           pg_catalog.format('%I.%I', n.nspname, ic.relname) AS qname,
           (SELECT con.oid FROM pg_catalog.pg_constraint con
            WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
              AND con.contype IN ('p', 'u', 'x')) AS conoid
    FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid AND i.indisvalid
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
)
SELECT 10 AS ord, ''::text COLLATE "C" AS sub,
       pg_catalog.format(E'CREATE %sTABLE %s%s%s%s%s%s;',
                         CASE r.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END, r.qname,
                         ' OF ' || nullif(r.reloftype, 0)::pg_catalog.regtype::text,
                         coalesce((SELECT E' (\n' || pg_catalog.string_agg(l.line, E',\n'
                                                       ORDER BY l.grp, l.k::text COLLATE "C")
                                          || E'\n)'
                                   FROM (SELECT grp,
                                                CASE grp WHEN 1 THEN lpad(k, 6, '0') ELSE k END AS k,
                                                line FROM lines) l),
                                  CASE WHEN r.reloftype = 0 THEN E' (\n)' ELSE '' END),
                         (SELECT E'\nINHERITS (' || pg_catalog.string_agg(h.inhparent::pg_catalog.regclass::text, ', ' ORDER BY h.inhseqno) || ')'
                          FROM pg_catalog.pg_inherits h WHERE h.inhrelid = r.oid
                          HAVING NOT r.relispartition AND count(*) > 0),
                         CASE WHEN r.relkind = 'p'
                              THEN E'\nPARTITION BY ' || pg_catalog.pg_get_partkeydef(r.oid) END,
                         -- its storage options and its TOAST table's, a value quoted unless
                         -- it reads as a name (pg_dump's appendReloptionsArray)
                         (SELECT E'\nWITH (' || pg_catalog.string_agg(
                                     o.prefix || pg_catalog.quote_ident(o.name) || '='
                                     || CASE WHEN pg_catalog.quote_ident(o.value) = o.value
                                             THEN o.value
                                             ELSE '''' || pg_catalog.replace(o.value, '''', '''''')
                                                  || '''' END,
                                     ', ' ORDER BY o.grp, o.n) || ')'
                          FROM (SELECT u.grp, u.n, u.prefix,
                                       pg_catalog.split_part(u.opt, '=', 1) AS name,
                                       pg_catalog.substr(u.opt, pg_catalog.strpos(u.opt, '=') + 1)
                                           AS value
                                FROM (SELECT 1 AS grp, e.n, ''::text AS prefix, e.opt
                                      FROM pg_catalog.unnest(r.relreloptions)
                                           WITH ORDINALITY AS e(opt, n)
                                      UNION ALL
                                      SELECT 2, e.n, 'toast.', e.opt
                                      FROM pg_catalog.pg_class tc
                                      CROSS JOIN LATERAL pg_catalog.unnest(tc.reloptions)
                                           WITH ORDINALITY AS e(opt, n)
                                      WHERE tc.oid = r.reltoastrelid) u) o))
           AS statement
FROM rel r
UNION ALL
-- a column's NOT NULL CREATE TABLE does not write (an inherited column's; before PostgreSQL 18),
-- its compression
SELECT 12, lpad(c.attnum::text, 6, '0') || '1',
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET NOT NULL;', r.qname, c.attname)
FROM rel r, cols c WHERE NOT r.v18 AND NOT c.shown AND c.nn_name IS NOT NULL AND c.nn_local
UNION ALL
SELECT 12, lpad(c.attnum::text, 6, '0') || '2',
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET COMPRESSION %s;', r.qname,
                         c.attname, CASE c.attcompression WHEN 'p' THEN 'pglz' ELSE 'lz4' END)
FROM rel r, cols c WHERE c.attcompression IN ('p', 'l')
UNION ALL
-- a column's statistics target, storage other than its type's, and options (n_distinct...)
SELECT 12, lpad(c.attnum::text, 6, '0') || '1a',
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET STATISTICS %s;', r.qname,
                         c.attname, c.attstattarget)
FROM rel r, cols c WHERE c.attstattarget >= 0
UNION ALL
SELECT 12, lpad(c.attnum::text, 6, '0') || '1b',
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET STORAGE %s;', r.qname,
                         c.attname, CASE c.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'
                                                      WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END)
FROM rel r, cols c WHERE c.attstorage <> c.typstorage
UNION ALL
SELECT 12, lpad(c.attnum::text, 6, '0') || '3',
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET (%s);', r.qname, c.attname,
                         pg_catalog.array_to_string(u.options, ', '))
FROM rel r, cols c,
     -- the options a user set: not pg_attver, which PostgreSQL 15.20 keeps there by itself
     -- (pg_dump leaves it out)
     LATERAL (SELECT ARRAY(SELECT o FROM pg_catalog.unnest(c.attoptions) AS o
                            WHERE pg_catalog.split_part(o, '=', 1) OPERATOR(pg_catalog.<>)
                                  'pg_attver') AS options) AS u
WHERE pg_catalog.cardinality(u.options) OPERATOR(pg_catalog.>) 0
UNION ALL
SELECT 13, '', pg_catalog.format('ALTER TABLE ONLY %s REPLICA IDENTITY %s;', r.qname,
                                 CASE r.relreplident WHEN 'n' THEN 'NOTHING' ELSE 'FULL' END)
FROM rel r WHERE r.relreplident IN ('n', 'f')
UNION ALL
SELECT 14, '', pg_catalog.format('ALTER TABLE %s OWNER TO %I;', r.qname,
                                 pg_catalog.pg_get_userbyid(r.relowner))
FROM rel r
UNION ALL
SELECT 20, s.seqname,
       CASE WHEN s.deptype = 'i'
            THEN pg_catalog.format(E'ALTER TABLE %s ALTER COLUMN %I ADD GENERATED %s AS IDENTITY (\n    SEQUENCE NAME %s%s\n);',
                                   r.qname, s.attname,
                                   CASE s.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END,
                                   s.seqname, s.opts)
            ELSE pg_catalog.format('CREATE SEQUENCE %s%s;', s.seqname, s.opts) END
FROM rel r, seqs s
UNION ALL
SELECT 20, s.seqname || chr(1) || '1',
       pg_catalog.format('ALTER TABLE %s OWNER TO %I;', s.seqname, pg_catalog.pg_get_userbyid(s.relowner))
FROM seqs s WHERE s.deptype = 'a'
UNION ALL
-- right after its sequence, as pg_dump writes it
SELECT 20, s.seqname || chr(1) || '2',
       pg_catalog.format('ALTER SEQUENCE %s OWNED BY %s.%I;', s.seqname, r.qname, s.attname)
FROM rel r, seqs s WHERE s.deptype = 'a'
UNION ALL
SELECT 22, lpad(c.attnum::text, 6, '0'),
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET DEFAULT %s;', r.qname,
                         c.attname, c.expr)
FROM rel r, cols c WHERE c.separate AND c.attgenerated = ''
UNION ALL
SELECT 16, '', pg_catalog.format('COMMENT ON TABLE %s IS %L;', r.qname, d.description)
FROM rel r JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = r.oid
   AND d.objsubid = 0
UNION ALL
SELECT 17, lpad(a.attnum::text, 6, '0'),
       pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L;', r.qname, a.attname, d.description)
FROM rel r JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = r.oid
   AND d.objsubid > 0
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.objsubid
UNION ALL
-- a partition attached after its own indexes and constraints: attaching adopts those that
-- match its table's (pg_dump attaches before them and so cannot follow its table's DDL)
SELECT 62, '',
       pg_catalog.format('ALTER TABLE ONLY %s ATTACH PARTITION %s %s;',
                         h.inhparent::pg_catalog.regclass::text, r.qname,
                         pg_catalog.pg_get_expr(r.relpartbound, r.oid))
FROM rel r JOIN pg_catalog.pg_inherits h ON h.inhrelid = r.oid
WHERE r.relispartition
UNION ALL
SELECT 50, con.conname,
       pg_catalog.format(E'ALTER TABLE ONLY %s\n    ADD CONSTRAINT %I %s;', r.qname, con.conname,
                         pg_catalog.pg_get_constraintdef(con.oid))
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
WHERE con.contype IN ('p', 'u', 'x')
UNION ALL
-- after its constraint or its CREATE INDEX: CLUSTER ON an index, REPLICA IDENTITY USING it
SELECT CASE WHEN x.conoid IS NULL THEN 60 ELSE 50 END,
       coalesce((SELECT con.conname FROM pg_catalog.pg_constraint con WHERE con.oid = x.conoid),
                x.relname) || chr(1) || s.step,
       s.statement
FROM rel r JOIN idx x ON true
CROSS JOIN LATERAL (
    VALUES ('1', CASE WHEN x.indisclustered
                      THEN pg_catalog.format('ALTER TABLE %s CLUSTER ON %I;', r.qname, x.relname) END),
           ('2', CASE WHEN x.indisreplident
                      THEN pg_catalog.format('ALTER TABLE ONLY %s REPLICA IDENTITY USING INDEX %I;',
                                             r.qname, x.relname) END)
) AS s(step, statement)
WHERE s.statement IS NOT NULL
UNION ALL
SELECT 60, x.relname, pg_catalog.pg_get_indexdef(x.indexrelid) || ';'
FROM idx x WHERE x.conoid IS NULL
UNION ALL
SELECT 65, x.relname,
       pg_catalog.format('ALTER INDEX %s ATTACH PARTITION %s;',
                         h.inhparent::pg_catalog.regclass::text, x.qname)
FROM idx x JOIN pg_catalog.pg_inherits h ON h.inhrelid = x.indexrelid
UNION ALL
SELECT 70, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, false) || ';'
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
WHERE NOT t.tgisinternal AND t.tgparentid = 0
UNION ALL
SELECT 71, t.tgname,
       pg_catalog.format(CASE t.tgenabled WHEN 'D' THEN 'ALTER TABLE %s DISABLE TRIGGER %I;'
                                          WHEN 'R' THEN 'ALTER TABLE %s ENABLE REPLICA TRIGGER %I;'
                                          ELSE 'ALTER TABLE %s ENABLE ALWAYS TRIGGER %I;' END,
                         r.qname, t.tgname)
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND t.tgenabled <> 'O'
UNION ALL
SELECT 75, w.rulename, pg_catalog.pg_get_ruledef(w.oid)
FROM rel r JOIN pg_catalog.pg_rewrite w ON w.ev_class = r.oid
WHERE w.rulename <> '_RETURN'
UNION ALL
SELECT 80, con.conname,
       pg_catalog.format(E'ALTER TABLE %s%s\n    ADD CONSTRAINT %I %s;',
                         CASE r.relkind WHEN 'p' THEN '' ELSE 'ONLY ' END, r.qname, con.conname,
                         pg_catalog.pg_get_constraintdef(con.oid))
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
WHERE con.contype = 'f' AND con.conparentid = 0
UNION ALL
SELECT 85, con.conname,
       pg_catalog.format(E'ALTER TABLE %s\n    ADD CONSTRAINT %I %s;', r.qname, con.conname,
                         pg_catalog.pg_get_constraintdef(con.oid))
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
WHERE con.contype IN ('c', 'n') AND NOT con.convalidated AND con.conislocal
UNION ALL
SELECT 90, '', pg_catalog.format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY;', r.qname)
FROM rel r WHERE r.relrowsecurity
UNION ALL
SELECT 91, '', pg_catalog.format('ALTER TABLE ONLY %s FORCE ROW LEVEL SECURITY;', r.qname)
FROM rel r WHERE r.relforcerowsecurity
UNION ALL
SELECT 95, p.polname,
       pg_catalog.concat(
           pg_catalog.format('CREATE POLICY %I ON %s', p.polname, r.qname),
           CASE WHEN NOT p.polpermissive THEN ' AS RESTRICTIVE' END,
           CASE p.polcmd WHEN 'r' THEN ' FOR SELECT' WHEN 'a' THEN ' FOR INSERT'
                         WHEN 'w' THEN ' FOR UPDATE' WHEN 'd' THEN ' FOR DELETE' END,
           CASE WHEN p.polroles <> '{0}'
                THEN ' TO ' || (SELECT pg_catalog.string_agg(CASE WHEN ro = 0 THEN 'PUBLIC'
                                                                  ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(ro)) END,
                                                             ', ')
                                FROM pg_catalog.unnest(p.polroles) ro) END,
           ' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')',
           ' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')', ';')
FROM rel r JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
UNION ALL
-- each comment right after what it is on, as pg_dump writes them (a CHECK written in CREATE
-- TABLE: after the table's and its columns' and a valid NOT NULL's, PostgreSQL 18, those in the
-- columns' order; an index's after the indexes before it by name)
SELECT CASE WHEN con.contype IN ('p', 'u', 'x') THEN 50 WHEN con.contype = 'f' THEN 80
            WHEN con.contype = 'n' AND con.convalidated THEN 18
            WHEN con.convalidated AND con.conislocal THEN 18 ELSE 85 END,
       CASE WHEN con.contype = 'n' AND con.convalidated
            THEN chr(1) || lpad(con.conkey[1]::text, 6, '0')
            ELSE con.conname || chr(1) || '3' END,
       pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L;', con.conname, r.qname,
                         d.description)
FROM rel r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = con.oid
UNION ALL
SELECT 60, x.relname || chr(1) || '3',
       pg_catalog.format('COMMENT ON INDEX %s IS %L;', x.qname, d.description)
FROM idx x JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = x.indexrelid
   AND d.objsubid = 0
UNION ALL
SELECT 71, t.tgname || chr(1),
       pg_catalog.format('COMMENT ON TRIGGER %I ON %s IS %L;', t.tgname, r.qname, d.description)
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objoid = t.oid
WHERE NOT t.tgisinternal AND t.tgparentid = 0
UNION ALL
SELECT 95, p.polname || chr(1),
       pg_catalog.format('COMMENT ON POLICY %I ON %s IS %L;', p.polname, r.qname, d.description)
FROM rel r JOIN pg_catalog.pg_policy p ON p.polrelid = r.oid
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND d.objoid = p.oid
ORDER BY ord, sub
