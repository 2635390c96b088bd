-- A normalised description of a database's schema: one (kind, name, definition) row per
-- object, independent of OIDs and of the order objects were created in. The migration
-- ledger itself (its schema uaip_ledger, and its tables by name where an old version kept them
-- elsewhere) is left out. $1: the oids of tables whose own parts are left out too ('{}' for
-- none; other tools' history tables, ForeignHistoryTables): what such a tool creates, the
-- table (unless it has row-level security on or is partitioned), its columns, primary key,
-- indexes and owner, and the sequences it owns; what anyone added to it (grants, comments,
-- other constraints, triggers, rules, policies, storage parameters) is compared as drift.
--
-- Roles: the role running this query and the database's owner count as "the migrating
-- role"; an owner is listed (kind 'owner') only when it is another role, and in a grant
-- list the object's owner reads "(owner)", the migrating role "(migrating role)", so a
-- sandbox and a target migrated by differently named roles compare equal. Grants (kind
-- 'grants on') are listed only where they differ from PostgreSQL's defaults; grantors
-- are not compared.
--
-- A column's NOT NULL is the column's (PostgreSQL 18 keeps it as a constraint, kind 'n'; 17 a
-- domain's too), with NO INHERIT (18) but not its name; a NOT VALID one (18) is a constraint of
-- its own, as pg_dump writes it. A
-- generated column's expression is compared with its kind (STORED, or VIRTUAL: 18).
WITH nsp AS (
    SELECT oid, nspname, nspowner, nspacl FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'
      AND nspname <> 'uaip_ledger'
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
           c.relrowsecurity, c.relforcerowsecurity, c.relispartition, c.relpartbound,
           c.reloptions, c.relreplident, c.reltoastrelid,
           CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                          WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
                          ELSE 'sequence' END AS label
    FROM pg_class c JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      AND c.relname NOT IN ('uaip_schema_migrations', 'uaip_migration_events', 'uaip_ledger_info',
                            'uaip_migration_events_id_seq')
      AND NOT EXISTS (SELECT FROM pg_depend AS d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                        AND d.refobjid = ANY ($1::oid[]))
      AND c.oid NOT IN (SELECT objid FROM ext_objects)
),
procs AS (
    SELECT p.oid, p.prokind, p.proowner, p.proacl,
           format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
               AS name
    FROM pg_proc p JOIN nsp n ON n.oid = p.pronamespace
    WHERE p.prokind IN ('f', 'p', 'w', 'a') AND p.oid NOT IN (SELECT objid FROM ext_objects)
),
types AS (
    SELECT t.oid, t.typtype, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefault, t.typrelid,
           t.typowner, t.typacl, format('%I.%I', n.nspname, t.typname) AS name
    FROM pg_type t JOIN nsp n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'c', 'r')
      AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND t.oid NOT IN (SELECT objid FROM ext_objects)
),
opers AS (
    SELECT o.oid, o.oprowner,
           format('%I.%s(%s, %s)', n.nspname, o.oprname,
                  CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END,
                  CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END)
               AS name
    FROM pg_operator o JOIN nsp n ON n.oid = o.oprnamespace
    WHERE o.oid NOT IN (SELECT objid FROM ext_objects)
),
-- Everything with an owner and a grant list: (label, name, owner, acl, acldefault's type).
owned AS (
    SELECT 'schema'::text AS label, nspname::text AS name, nspowner AS owner, nspacl AS acl,
           'n'::"char" AS acltype, NULL::oid AS reloid
    FROM nsp
    UNION ALL
    SELECT label, format('%I.%I', nspname, relname), relowner, relacl,
           CASE relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", oid
    FROM rels
    UNION ALL
    SELECT CASE prokind WHEN 'a' THEN 'aggregate' ELSE 'function' END, name, proowner, proacl,
           'f'::"char", NULL
    FROM procs
    UNION ALL
    SELECT 'type', name, typowner, typacl, 'T'::"char", NULL FROM types
    UNION ALL
    SELECT 'statistics', format('%I.%I', n.nspname, s.stxname), s.stxowner, NULL, NULL, NULL
    FROM pg_statistic_ext s JOIN nsp n ON n.oid = s.stxnamespace
    WHERE s.oid NOT IN (SELECT objid FROM ext_objects)
    UNION ALL
    SELECT 'collation', format('%I.%I', n.nspname, c.collname), c.collowner, NULL, NULL, NULL
    FROM pg_collation c JOIN nsp n ON n.oid = c.collnamespace
    WHERE c.oid NOT IN (SELECT objid FROM ext_objects)
    UNION ALL
    SELECT 'operator', o.name, o.oprowner, NULL, NULL, NULL FROM opers o
    UNION ALL
    SELECT 'publication', quote_ident(pubname), pubowner, NULL, NULL, NULL FROM pg_publication
    UNION ALL
    SELECT 'event trigger', quote_ident(evtname), evtowner, NULL, NULL, NULL FROM pg_event_trigger
    WHERE oid NOT IN (SELECT objid FROM ext_objects)
),
-- The comments on relations, columns, constraints, triggers and types, read in one scan (a
-- function's and a schema's are looked up by oid: pg_description has thousands on pg_proc).
descr AS (
    SELECT classoid, objoid, objsubid, description FROM pg_description
    WHERE classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass, 'pg_trigger'::regclass,
                       'pg_type'::regclass)
),
-- Grant lists that differ from the default: one line per grantee.
grants AS (
    SELECT x.name,
           (SELECT coalesce(string_agg(g.who || ': ' || g.privileges, E'\n' ORDER BY g.who),
                            '(no privileges)')
            FROM (SELECT CASE WHEN e.grantee = x.owner THEN '(owner)'
                              WHEN e.grantee = 0 THEN 'PUBLIC'
                              WHEN e.grantee IN (SELECT oid FROM me) THEN '(migrating role)'
                              ELSE pg_get_userbyid(e.grantee)::text END AS who,
                         string_agg(e.privilege_type
                                        || CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION'
                                                ELSE '' END,
                                    ', ' ORDER BY e.privilege_type) AS privileges
                  FROM aclexplode(x.acl) e GROUP BY 1) g) AS definition
    FROM (SELECT o.label || ' ' || o.name AS name, o.owner, o.acl
          FROM owned o
          -- as sets: REVOKE then GRANT of a default leaves its entries in another order
          WHERE o.acl IS NOT NULL
            AND NOT (o.acl @> acldefault(o.acltype, o.owner)
                     AND o.acl <@ acldefault(o.acltype, o.owner))
          UNION ALL
          -- a column's (its default is none)
          SELECT format('column %I.%I.%I', r.nspname, r.relname, a.attname), r.relowner, a.attacl
          FROM rels r
          JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE a.attacl IS NOT NULL AND cardinality(a.attacl) > 0) x
)
SELECT 'schema'::text AS kind, nspname::text AS name, ''::text AS definition FROM nsp
UNION ALL
-- Comments, keyed by the commented object ("comment on column public.t.c").
SELECT 'comment on', r.label || ' ' || format('%I.%I', r.nspname, r.relname), d.description
FROM rels r JOIN descr d
    ON d.classoid = 'pg_class'::regclass AND d.objoid = r.oid AND d.objsubid = 0
UNION ALL
SELECT 'comment on', format('column %I.%I.%I', r.nspname, r.relname, a.attname), d.description
FROM rels r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN descr d
    ON d.classoid = 'pg_class'::regclass AND d.objoid = r.oid AND d.objsubid = a.attnum
UNION ALL
SELECT 'comment on', format('index %I.%I', n.nspname, ic.relname), d.description
FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN nsp n ON n.oid = ic.relnamespace JOIN rels r ON r.oid = i.indrelid
JOIN descr d ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid AND d.objsubid = 0
WHERE r.oid <> ALL ($1::oid[])
UNION ALL
SELECT 'comment on', format('constraint %I.%I.%I', r.nspname, r.relname, con.conname),
       d.description
FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
JOIN descr d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
UNION ALL
SELECT 'comment on', format('trigger %I.%I.%I', r.nspname, r.relname, t.tgname), d.description
FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
JOIN descr d ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'comment on', 'function ' || p.name, d.description
FROM procs p
CROSS JOIN LATERAL (SELECT d.description FROM pg_description d
                    WHERE d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid OFFSET 0) d
WHERE p.prokind <> 'a'
UNION ALL
SELECT 'comment on', 'type ' || t.name, d.description
FROM types t JOIN descr d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
UNION ALL
SELECT 'comment on', 'schema ' || n.nspname, d.description
FROM nsp n JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid
UNION ALL
SELECT 'extension', extname::text, extversion FROM pg_extension
UNION ALL
SELECT r.label, format('%I.%I', r.nspname, r.relname),
       CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true)
            WHEN r.relkind = 'S'
                THEN concat_ws(' ', CASE WHEN r.relpersistence = 'u' THEN 'UNLOGGED' END,
                               format('AS %s INCREMENT %s MINVALUE %s MAXVALUE %s START %s CACHE %s',
                                      format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin,
                                      s.seqmax, s.seqstart, s.seqcache),
                               CASE WHEN s.seqcycle THEN 'CYCLE' END)
            ELSE concat_ws(' ', CASE WHEN r.relpersistence = 'u' THEN 'UNLOGGED' END,
                           CASE WHEN r.relrowsecurity THEN 'ROW LEVEL SECURITY' END,
                           CASE WHEN r.relforcerowsecurity THEN 'FORCE ROW LEVEL SECURITY' END,
                           'PARTITION BY ' || pg_get_partkeydef(r.oid),
                           CASE WHEN r.relispartition
                                THEN (SELECT format('PARTITION OF %I.%I ', pn.nspname, pc.relname)
                                      FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent
                                      JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                                      WHERE i.inhrelid = r.oid)
                                     || pg_get_expr(r.relpartbound, r.oid) END)
       END
FROM rels r LEFT JOIN pg_sequence s ON s.seqrelid = r.oid
WHERE r.oid <> ALL ($1::oid[]) OR r.relrowsecurity OR r.relforcerowsecurity OR r.relkind = 'p'
UNION ALL
SELECT 'column',
       format('%I.%I.%I', r.nspname, r.relname, a.attname),
       format('#%s %s%s%s%s%s%s%s',
              row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum),
              format_type(a.atttypid, a.atttypmod),
              CASE WHEN a.attcollation <> 0
                        AND a.attcollation <> (SELECT typcollation FROM pg_type
                                               WHERE oid = a.atttypid)
                   THEN (SELECT format(' COLLATE %I.%I', cn.nspname, co.collname)
                         FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                         WHERE co.oid = a.attcollation)
                   ELSE '' END,
              -- (a NOT NULL constraint's name, 18's, is not compared: a renamed column keeps
              -- its old one, an online copy of it gets its own)
              CASE WHEN NOT a.attnotnull OR NOT coalesce(nn.convalidated, true) THEN ''
                   ELSE ' NOT NULL' END
              || CASE WHEN nn.connoinherit AND nn.convalidated THEN ' NO INHERIT' ELSE '' END,
              CASE WHEN d.adbin IS NOT NULL AND a.attgenerated = ''
                   THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
              CASE WHEN a.attgenerated = 's'
                   THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'
                   WHEN a.attgenerated = 'v'
                   THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') VIRTUAL'
                   ELSE '' END,
              CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY'
                   ELSE '' END,
              CASE WHEN a.attstattarget >= 0 THEN ' STATISTICS ' || a.attstattarget ELSE '' END)
FROM rels r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_constraint nn
    ON nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey = ARRAY[a.attnum]
WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f') AND r.oid <> ALL ($1::oid[])
UNION ALL
SELECT 'constraint', format('%I.%I.%I', r.nspname, r.relname, con.conname),
       pg_get_constraintdef(con.oid, true)
FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
WHERE (con.contype <> 'p' OR r.oid <> ALL ($1::oid[]))
  AND (con.contype <> 'n' OR NOT con.convalidated)
UNION ALL
SELECT 'index', format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(i.indexrelid)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN rels r ON r.oid = i.indrelid
JOIN nsp n ON n.oid = ic.relnamespace
WHERE r.oid <> ALL ($1::oid[])
UNION ALL
SELECT 'trigger', format('%I.%I.%I', r.nspname, r.relname, t.tgname),
       pg_get_triggerdef(t.oid, true)
           || CASE t.tgenabled WHEN 'D' THEN E'\nDISABLED' WHEN 'R' THEN E'\nENABLE REPLICA'
                               WHEN 'A' THEN E'\nENABLE ALWAYS' ELSE '' END
FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
WHERE NOT t.tgisinternal
UNION ALL
SELECT 'rule', format('%I.%I.%I', r.nspname, r.relname, w.rulename),
       pg_get_ruledef(w.oid, true)
           || CASE w.ev_enabled WHEN 'D' THEN E'\nDISABLED' WHEN 'R' THEN E'\nENABLE REPLICA'
                                WHEN 'A' THEN E'\nENABLE ALWAYS' ELSE '' END
FROM pg_rewrite w JOIN rels r ON r.oid = w.ev_class
WHERE w.rulename <> '_RETURN'
UNION ALL
SELECT 'policy', format('%I.%I.%I', r.nspname, r.relname, p.polname),
       concat_ws(E'\n',
                 CASE WHEN p.polpermissive THEN 'AS PERMISSIVE' ELSE 'AS RESTRICTIVE' END,
                 'FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
                                         WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE'
                                         ELSE 'ALL' END,
                 'TO ' || (SELECT string_agg(x.who, ', ' ORDER BY x.who)
                           FROM (SELECT CASE WHEN ro = 0 THEN 'PUBLIC'
                                             ELSE quote_ident(pg_get_userbyid(ro)) END AS who
                                 FROM unnest(p.polroles) ro) x),
                 'USING (' || pg_get_expr(p.polqual, p.polrelid) || ')',
                 'WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')')
FROM pg_policy p JOIN rels r ON r.oid = p.polrelid
UNION ALL
SELECT 'type', t.name,
       CASE t.typtype
           WHEN 'e' THEN 'ENUM (' || e.labels || ')'
           WHEN 'd' THEN 'DOMAIN ' || format_type(t.typbasetype, t.typtypmod)
                         || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                         || coalesce(' DEFAULT ' || t.typdefault, '')
           WHEN 'c' THEN E'COMPOSITE (\n'
                         || (SELECT string_agg(format('    %I %s', a.attname,
                                                      format_type(a.atttypid, a.atttypmod)),
                                               E',\n' ORDER BY a.attnum)
                             FROM pg_attribute a
                             WHERE a.attrelid = t.typrelid AND a.attnum > 0
                               AND NOT a.attisdropped)
                         || E'\n)'
           ELSE 'TYPE ' || t.typtype::text END
FROM types t
LEFT JOIN (SELECT enumtypid, string_agg(quote_literal(enumlabel), ', ' ORDER BY enumsortorder)
                              AS labels
           FROM pg_enum GROUP BY enumtypid) e ON e.enumtypid = t.oid
UNION ALL
SELECT 'domain constraint', format('%s.%I', t.name, con.conname),
       pg_get_constraintdef(con.oid, true)
FROM pg_constraint con JOIN types t ON t.oid = con.contypid
WHERE con.contype <> 'n'
UNION ALL
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'function' END, p.name,
       CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid)
            ELSE (SELECT concat_ws(E'\n',
                     'SFUNC = ' || a.aggtransfn::oid::regprocedure,
                     'STYPE = ' || format_type(a.aggtranstype, NULL),
                     CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                     CASE WHEN a.aggfinalfn::oid <> 0
                          THEN 'FINALFUNC = ' || a.aggfinalfn::oid::regprocedure END,
                     CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                     'FINALFUNC_MODIFY = ' || a.aggfinalmodify::text,
                     CASE WHEN a.aggcombinefn::oid <> 0
                          THEN 'COMBINEFUNC = ' || a.aggcombinefn::oid::regprocedure END,
                     CASE WHEN a.aggserialfn::oid <> 0
                          THEN 'SERIALFUNC = ' || a.aggserialfn::oid::regprocedure END,
                     CASE WHEN a.aggdeserialfn::oid <> 0
                          THEN 'DESERIALFUNC = ' || a.aggdeserialfn::oid::regprocedure END,
                     'INITCOND = ' || quote_literal(a.agginitval),
                     CASE WHEN a.aggmtransfn::oid <> 0
                          THEN 'MSFUNC = ' || a.aggmtransfn::oid::regprocedure END,
                     CASE WHEN a.aggminvtransfn::oid <> 0
                          THEN 'MINVFUNC = ' || a.aggminvtransfn::oid::regprocedure END,
                     CASE WHEN a.aggmtranstype <> 0
                          THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
                     CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                     CASE WHEN a.aggmfinalfn::oid <> 0
                          THEN 'MFINALFUNC = ' || a.aggmfinalfn::oid::regprocedure END,
                     CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                     CASE WHEN a.aggmtransfn::oid <> 0
                          THEN 'MFINALFUNC_MODIFY = ' || a.aggmfinalmodify::text END,
                     'MINITCOND = ' || quote_literal(a.aggminitval),
                     CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || a.aggsortop::regoperator END,
                     'KIND = ' || a.aggkind::text
                         || CASE WHEN a.aggnumdirectargs <> 0
                                 THEN ' (' || a.aggnumdirectargs || ' direct)' ELSE '' END,
                     'PARALLEL = ' || pr.proparallel::text,
                     'RETURNS ' || format_type(pr.prorettype, NULL))
                  FROM pg_aggregate a JOIN pg_proc pr ON pr.oid = a.aggfnoid
                  WHERE a.aggfnoid = p.oid)
       END
FROM procs p
UNION ALL
-- Storage parameters (fillfactor, autovacuum_*, a view's security_barrier, ...), the TOAST
-- table's as toast.*; an index's are in its definition.
SELECT 'storage parameters', r.label || ' ' || format('%I.%I', r.nspname, r.relname),
       (SELECT string_agg(o, ', ' ORDER BY o)
        FROM unnest(coalesce(r.reloptions, '{}')
                    || coalesce((SELECT array_agg('toast.' || t) FROM pg_class tc,
                                 unnest(tc.reloptions) t WHERE tc.oid = r.reltoastrelid),
                                '{}')) o)
FROM rels r
WHERE r.reloptions IS NOT NULL
   OR (SELECT reloptions FROM pg_class WHERE oid = r.reltoastrelid) IS NOT NULL
UNION ALL
SELECT 'replica identity', format('%I.%I', r.nspname, r.relname),
       CASE r.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING'
            ELSE 'USING INDEX ' || coalesce((SELECT quote_ident(ic.relname)
                                             FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                                             WHERE i.indrelid = r.oid AND i.indisreplident), '?')
       END
FROM rels r
WHERE r.relkind IN ('r', 'p') AND r.relreplident <> 'd'
UNION ALL
-- Extended statistics (CREATE STATISTICS) with their statistics target.
SELECT 'statistics', format('%I.%I', n.nspname, s.stxname),
       pg_get_statisticsobjdef(s.oid)
           || coalesce(E'\nSTATISTICS ' || nullif((to_jsonb(s) ->> 'stxstattarget')::int, -1), '')
FROM pg_statistic_ext s JOIN nsp n ON n.oid = s.stxnamespace JOIN rels r ON r.oid = s.stxrelid
UNION ALL
-- Publications: what they publish (flags read as JSON: their columns differ by version) and
-- their tables with column lists and row filters (pg_publication_tables: 15+ has both).
SELECT 'publication', quote_ident(p.pubname),
       concat_ws(E'\n',
                 (to_jsonb(p) - 'oid' - 'pubname' - 'pubowner')::text,
                 CASE WHEN p.puballtables THEN 'FOR ALL TABLES'
                      ELSE (SELECT string_agg(format('TABLE %I.%I', pt.schemaname, pt.tablename)
                                                  || coalesce(' (' || (SELECT string_agg(quote_ident(c), ', ')
                                                                       FROM jsonb_array_elements_text(to_jsonb(pt) -> 'attnames') c)
                                                              || ')', '')
                                                  || coalesce(' WHERE '
                                                              || (to_jsonb(pt) ->> 'rowfilter'), ''),
                                              E'\n' ORDER BY pt.schemaname, pt.tablename)
                            FROM pg_publication_tables pt WHERE pt.pubname = p.pubname) END)
FROM pg_publication p
UNION ALL
SELECT 'event trigger', quote_ident(e.evtname),
       concat_ws(E'\n',
                 format('ON %s EXECUTE FUNCTION %I.%I()', e.evtevent, pn.nspname, pr.proname),
                 'WHEN TAG IN (' || array_to_string(e.evttags, ', ') || ')',
                 CASE e.evtenabled WHEN 'D' THEN 'DISABLED' WHEN 'R' THEN 'ENABLE REPLICA'
                                   WHEN 'A' THEN 'ENABLE ALWAYS' END)
FROM pg_event_trigger e JOIN pg_proc pr ON pr.oid = e.evtfoid
JOIN pg_namespace pn ON pn.oid = pr.pronamespace
WHERE e.oid NOT IN (SELECT objid FROM ext_objects)
UNION ALL
-- Collations: provider, locales and determinism as JSON (the columns differ by version), not
-- collversion (the library's version, which differs between hosts).
SELECT 'collation', format('%I.%I', n.nspname, c.collname),
       (to_jsonb(c) - 'oid' - 'collname' - 'collnamespace' - 'collowner' - 'collversion')::text
FROM pg_collation c JOIN nsp n ON n.oid = c.collnamespace
WHERE c.oid NOT IN (SELECT objid FROM ext_objects)
UNION ALL
SELECT 'operator', o.name,
       concat_ws(E'\n',
                 'FUNCTION = ' || p.oprcode::regprocedure::text,
                 'RETURNS ' || format_type(p.oprresult, NULL),
                 CASE WHEN p.oprcom <> 0 THEN 'COMMUTATOR = ' || p.oprcom::regoperator::text END,
                 CASE WHEN p.oprnegate <> 0 THEN 'NEGATOR = ' || p.oprnegate::regoperator::text END,
                 CASE WHEN p.oprrest <> 0 THEN 'RESTRICT = ' || p.oprrest::regprocedure::text END,
                 CASE WHEN p.oprjoin <> 0 THEN 'JOIN = ' || p.oprjoin::regprocedure::text END,
                 CASE WHEN p.oprcanhash THEN 'HASHES' END,
                 CASE WHEN p.oprcanmerge THEN 'MERGES' END)
FROM opers o JOIN pg_operator p ON p.oid = o.oid
UNION ALL
SELECT 'owner', o.label || ' ' || o.name, pg_get_userbyid(o.owner)::text
FROM owned o
WHERE o.owner NOT IN (SELECT oid FROM me) AND (o.reloid IS NULL OR o.reloid <> ALL ($1::oid[]))
UNION ALL
SELECT 'grants on', g.name, g.definition FROM grants g
ORDER BY 1, 2
