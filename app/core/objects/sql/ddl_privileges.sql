-- The privileges of one object (ObjectDdl::ddl), as pg_dump -s writes them after every other
-- statement: what its ACL grants beyond its initial privileges (pg_init_privs: the public
-- schema's, an extension's objects') or else the default of its kind (acldefault) as GRANT,
-- what those grant and the ACL no longer does as REVOKE, compared item by item as pg_dump
-- 15 compares them; an item that holds every privilege of the kind as ALL; the owner's own
-- grants first, then the others in the ACL's order; a grant made by another role than the
-- owner between SET SESSION AUTHORIZATION and RESET. An ACL that was never set (NULL) writes
-- nothing. A table's column privileges follow its own, then those of the sequences its columns
-- own. Parameters: the catalog (pg_catalog.pg_class, pg_proc, pg_type, pg_namespace) and the
-- oid. Columns: statement, in order.
WITH RECURSIVE obj AS (
    SELECT 0 AS part, 0 AS pos, CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS type,
           pg_catalog.format('%I.%I', n.nspname, c.relname) AS target, NULL::text AS col,
           c.relacl AS acl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                       AND ip.objoid = c.oid AND ip.objsubid = 0),
                    pg_catalog.acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char",
                                          c.relowner)) AS base,
           c.relowner AS owner
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE $1::text = 'pg_catalog.pg_class' AND c.oid = $2::pg_catalog.oid
    UNION ALL
    SELECT 1, a.attnum, 'TABLE', pg_catalog.format('%I.%I', n.nspname, c.relname),
           pg_catalog.quote_ident(a.attname), a.attacl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                       AND ip.objoid = c.oid AND ip.objsubid = a.attnum),
                    '{}'::pg_catalog.aclitem[]),
           c.relowner
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE $1::text = 'pg_catalog.pg_class' AND c.oid = $2::pg_catalog.oid
    UNION ALL
    -- the sequences a table's columns own (serial, identity): pg_dump -t writes them with it
    SELECT 2, s.oid::integer, 'SEQUENCE', pg_catalog.format('%I.%I', n.nspname, s.relname),
           NULL, s.relacl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                       AND ip.objoid = s.oid AND ip.objsubid = 0),
                    pg_catalog.acldefault('s', s.relowner)),
           s.relowner
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
    WHERE $1::text = 'pg_catalog.pg_class' AND d.refobjid = $2::pg_catalog.oid
      AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
      AND d.deptype IN ('a', 'i')
    UNION ALL
    SELECT 0, 0, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
           pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                             pg_catalog.pg_get_function_identity_arguments(p.oid)),
           NULL, p.proacl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                       AND ip.objoid = p.oid AND ip.objsubid = 0),
                    pg_catalog.acldefault('f', p.proowner)),
           p.proowner
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    WHERE $1::text = 'pg_catalog.pg_proc' AND p.oid = $2::pg_catalog.oid
    UNION ALL
    SELECT 0, 0, 'TYPE', pg_catalog.format('%I.%I', n.nspname, t.typname), NULL, t.typacl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
                       AND ip.objoid = t.oid AND ip.objsubid = 0),
                    pg_catalog.acldefault('T', t.typowner)),
           t.typowner
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE $1::text = 'pg_catalog.pg_type' AND t.oid = $2::pg_catalog.oid
    UNION ALL
    SELECT 0, 0, 'SCHEMA', pg_catalog.quote_ident(n.nspname), NULL, n.nspacl,
           coalesce((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip
                     WHERE ip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                       AND ip.objoid = n.oid AND ip.objsubid = 0),
                    pg_catalog.acldefault('n', n.nspowner)),
           n.nspowner
    FROM pg_catalog.pg_namespace n
    WHERE $1::text = 'pg_catalog.pg_namespace' AND n.oid = $2::pg_catalog.oid
),
-- each kind's privileges in the order pg_dump writes them (a column: not DELETE, TRIGGER,
-- TRUNCATE, MAINTAIN); MAINTAIN is a table's from PostgreSQL 17 on
kinds(type, ord, name, columns) AS (
    VALUES ('TABLE', 1, 'SELECT', true), ('TABLE', 2, 'INSERT', true),
           ('TABLE', 3, 'REFERENCES', true), ('TABLE', 4, 'DELETE', false),
           ('TABLE', 5, 'TRIGGER', false), ('TABLE', 6, 'TRUNCATE', false),
           ('TABLE', 8, 'UPDATE', true), ('SEQUENCE', 1, 'SELECT', false),
           ('SEQUENCE', 2, 'USAGE', false), ('SEQUENCE', 3, 'UPDATE', false),
           ('FUNCTION', 1, 'EXECUTE', false), ('PROCEDURE', 1, 'EXECUTE', false),
           ('SCHEMA', 1, 'CREATE', false), ('SCHEMA', 2, 'USAGE', false),
           ('TYPE', 1, 'USAGE', false)
    UNION ALL
    SELECT 'TABLE', 7, 'MAINTAIN', false
    WHERE pg_catalog.current_setting('server_version_num')::integer >= 170000
),
-- the default's items the ACL lacks (revoked, phase 0) and the ACL's items the default lacks
items AS (
    SELECT o.*, 0 AS phase, i.n, i.item
    FROM obj o CROSS JOIN LATERAL pg_catalog.unnest(o.base) WITH ORDINALITY AS i(item, n)
    WHERE o.acl IS NOT NULL AND NOT i.item = ANY (o.acl)
    UNION ALL
    SELECT o.*, 1, i.n, i.item
    FROM obj o CROSS JOIN LATERAL pg_catalog.unnest(o.acl) WITH ORDINALITY AS i(item, n)
    WHERE NOT i.item = ANY (o.base)
),
each AS (
    SELECT i.part, i.pos, i.type, i.target, i.col, i.owner, i.phase, i.n, x.grantor, x.grantee,
           pg_catalog.string_agg(k.name || coalesce('(' || i.col || ')', ''), ',' ORDER BY k.ord)
               FILTER (WHERE i.phase = 0 OR NOT x.is_grantable) AS privs,
           pg_catalog.string_agg(k.name || coalesce('(' || i.col || ')', ''), ',' ORDER BY k.ord)
               FILTER (WHERE i.phase = 1 AND x.is_grantable) AS privswgo,
           count(*) AS present,
           count(*) FILTER (WHERE i.phase = 1 AND x.is_grantable) AS wgo,
           (SELECT count(*) FROM kinds a WHERE a.type = i.type AND (i.col IS NULL OR a.columns))
               AS total
    FROM items i CROSS JOIN LATERAL pg_catalog.aclexplode(ARRAY[i.item]) x
    JOIN kinds k ON k.type = i.type AND k.name = x.privilege_type
                AND (i.col IS NULL OR k.columns)
    GROUP BY i.part, i.pos, i.type, i.target, i.col, i.owner, i.phase, i.n, x.grantor, x.grantee
),
named AS (
    SELECT e.part, e.pos, e.n, e.type, e.target,
           -- the owner's own grants come first (pg_dump's firstsql), after the revokes
           CASE WHEN e.phase = 0 THEN 0
                WHEN e.grantee = e.owner AND e.grantor = e.owner THEN 1 ELSE 2 END AS phase,
           CASE WHEN e.present = e.total AND e.wgo = 0
                THEN 'ALL' || coalesce('(' || e.col || ')', '')
                WHEN e.present = e.total AND e.wgo = e.total THEN NULL ELSE e.privs END AS privs,
           CASE WHEN e.present = e.total AND e.wgo = 0 THEN NULL
                WHEN e.present = e.total AND e.wgo = e.total
                THEN 'ALL' || coalesce('(' || e.col || ')', '') ELSE e.privswgo END AS privswgo,
           CASE WHEN e.grantee = 0 THEN 'PUBLIC'
                ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.grantee)) END AS grantee,
           CASE WHEN e.phase = 1 AND e.grantor <> e.owner
                THEN pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.grantor)) END AS grantor
    FROM each e
)
SELECT s.statement
FROM named m
CROSS JOIN LATERAL (
    VALUES (1, 'SET SESSION AUTHORIZATION ' || m.grantor || ';'),
           (2, CASE WHEN m.phase = 0
                    THEN pg_catalog.format('REVOKE %s ON %s %s FROM %s;', m.privs, m.type,
                                           m.target, m.grantee)
                    ELSE pg_catalog.format('GRANT %s ON %s %s TO %s;', m.privs, m.type, m.target,
                                           m.grantee) END),
           (3, pg_catalog.format('GRANT %s ON %s %s TO %s WITH GRANT OPTION;', m.privswgo,
                                 m.type, m.target, m.grantee)),
           (4, CASE WHEN m.grantor IS NOT NULL THEN 'RESET SESSION AUTHORIZATION;' END)
) AS s(step, statement)
WHERE s.statement IS NOT NULL AND (s.step <> 2 OR m.privs IS NOT NULL)
  AND (s.step <> 3 OR m.privswgo IS NOT NULL)
ORDER BY m.part, m.pos, m.phase, m.n, s.step
