-- The statements that create one view or materialized view (ObjectDdl), as pg_dump -s writes
-- them: CREATE VIEW ... AS with the server's pg_get_viewdef (its storage options and check
-- option), or CREATE MATERIALIZED VIEW ... WITH NO DATA; its owner (ALTER TABLE, as pg_dump 15
-- writes it); comments on it and its columns, a view's column defaults, a materialized view's
-- indexes (CLUSTER ON), a view's triggers and rules, and the comments on those. The
-- privileges are ddl_privileges.sql's. Parameter: the oid. Run with search_path empty (names
-- schema-qualified). Columns: ord, sub, statement.
WITH rel AS (
    SELECT c.oid, c.relkind, c.relowner, pg_catalog.format('%I.%I', n.nspname, c.relname) AS qname,
           pg_catalog.rtrim(pg_catalog.pg_get_viewdef(c.oid), ';') AS def,
           -- a value quoted unless it reads as a name, as pg_dump writes it
           (SELECT pg_catalog.string_agg(
                       pg_catalog.quote_ident(o.name) || '='
                       || CASE WHEN pg_catalog.quote_ident(o.value) = o.value THEN o.value
                               ELSE '''' || pg_catalog.replace(o.value, '''', '''''') || '''' END,
                       ', ' ORDER BY o.n)
            FROM (SELECT e.n, pg_catalog.split_part(e.opt, '=', 1) AS name,
                         pg_catalog.substr(e.opt, pg_catalog.strpos(e.opt, '=') + 1) AS value
                  FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY AS e(opt, n)
                  WHERE e.opt NOT LIKE E'check\\_option=%') o) AS opts,
           (SELECT pg_catalog.upper(pg_catalog.substr(o, 14))
            FROM pg_catalog.unnest(c.reloptions) o WHERE o LIKE E'check\\_option=%') AS check_option
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = $1::pg_catalog.oid AND c.relkind IN ('v', 'm')
)
SELECT 10 AS ord, ''::text COLLATE "C" AS sub,
       CASE r.relkind
           WHEN 'v' THEN pg_catalog.format(E'CREATE VIEW %s%s AS\n%s%s;', r.qname,
                                           ' WITH (' || nullif(r.opts, '') || ')', r.def,
                                           E'\n  WITH ' || r.check_option || ' CHECK OPTION')
           ELSE pg_catalog.format(E'CREATE MATERIALIZED VIEW %s%s AS\n%s\n  WITH NO DATA;',
                                  r.qname, E'\nWITH (' || nullif(r.opts, '') || ')', r.def) END
           AS statement
FROM rel r
UNION ALL
SELECT 20, '', pg_catalog.format('ALTER TABLE %s OWNER TO %I;', r.qname,
                                 pg_catalog.pg_get_userbyid(r.relowner))
FROM rel r
UNION ALL
SELECT 30, lpad(d.objsubid::text, 6, '0'),
       CASE WHEN d.objsubid = 0
            THEN pg_catalog.format('COMMENT ON %s %s IS %L;',
                                   CASE r.relkind WHEN 'v' THEN 'VIEW'
                                                  ELSE 'MATERIALIZED VIEW' END,
                                   r.qname, d.description)
            ELSE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L;', r.qname,
                                   (SELECT a.attname FROM pg_catalog.pg_attribute a
                                    WHERE a.attrelid = r.oid AND a.attnum = d.objsubid),
                                   d.description) END
FROM rel r JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = r.oid
UNION ALL
-- a view's column defaults (what an INSERT through it gets)
SELECT 40, lpad(a.attnum::text, 6, '0'),
       pg_catalog.format('ALTER TABLE ONLY %s ALTER COLUMN %I SET DEFAULT %s;', r.qname,
                         a.attname, pg_catalog.pg_get_expr(d.adbin, d.adrelid))
FROM rel r JOIN pg_catalog.pg_attrdef d ON d.adrelid = r.oid
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.adnum
UNION ALL
SELECT 60, ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid) || ';'
FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid AND i.indisvalid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
UNION ALL
SELECT 60, ic.relname || chr(1),
       pg_catalog.format('ALTER TABLE %s CLUSTER ON %I;', r.qname, ic.relname)
FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid AND i.indisclustered
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
UNION ALL
SELECT 99, '1' || ic.relname,
       pg_catalog.format('COMMENT ON INDEX %I.%I IS %L;', n.nspname, ic.relname, d.description)
FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid AND i.indisvalid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = ic.oid
   AND d.objsubid = 0
UNION ALL
SELECT 99, '2' || t.tgname,
       pg_catalog.format('COMMENT ON TRIGGER %I ON %s IS %L;', t.tgname, r.qname, d.description)
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objoid = t.oid
UNION ALL
SELECT 99, '3' || w.rulename,
       pg_catalog.format('COMMENT ON RULE %I ON %s IS %L;', w.rulename, r.qname, d.description)
FROM rel r JOIN pg_catalog.pg_rewrite w ON w.ev_class = r.oid AND w.rulename <> '_RETURN'
JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objoid = w.oid
UNION ALL
SELECT 70, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, false) || ';'
FROM rel r JOIN pg_catalog.pg_trigger t ON t.tgrelid = r.oid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 75, w.rulename, pg_catalog.pg_get_ruledef(w.oid)
FROM rel r JOIN pg_catalog.pg_rewrite w ON w.ev_class = r.oid
WHERE w.rulename <> '_RETURN'
ORDER BY ord, sub
