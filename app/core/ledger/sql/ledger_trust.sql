-- Whether the ledger is the console's to write in and to read its history from: the schema
-- uaip_ledger, every relation and function in it, a first-format ledger's tables wherever the
-- session's search_path finds them (ledger_locate.sql, ledger_upgrade_move.sql; their schema, as
-- public, may be anyone's: the upgrade moves them into uaip_ledger and checks again there),
-- every table inheriting from one of those relations, their indexes, every table they inherit
-- from or are a partition of (up to the root), the types of their columns (a domain, what it is
-- a domain over, an array's element, a composite's attributes, a range's subtype), every
-- extended statistics object on them, every relation their defaults, constraints, rules,
-- policies and indexes use (a default's sequence, a foreign key's table), every function that
-- runs when the console writes, reads or analyzes them (through a trigger and its WHEN, a rule,
-- a policy, a column default, a constraint, an index or statistics expression, a domain's CHECK
-- or default, a type's functions, directly or through an operator) and every foreign key of
-- another table that references them must be owned by a role whose code may run with the
-- connected role's rights (a superuser, that role, or a role that has its privileges already):
-- a REVOKE takes back no trigger or foreign key made with the right, and an owner change no
-- rule, CHECK, index, statistics object or column type a former owner left. Nor may a foreign
-- key of theirs to a table outside them change their rows (ON UPDATE or ON DELETE CASCADE, SET
-- NULL or SET DEFAULT): whoever may write that table would change the ledger's rows with the
-- console's rights. A schema another role made first (or a view named like a ledger table) would run
-- that role's code as the console, and let it write the ledger's history. Nor may such a role
-- hold more than reading on any of it (granted it, or PUBLIC, or through the owner's default
-- privileges), nor be a member of pg_write_all_data: with INSERT, UPDATE, DELETE or TRUNCATE it
-- forges the history, with TRIGGER it adds code that the console's next ledger write runs with
-- its rights, with REFERENCES a foreign key that blocks every rollback, with CREATE on the
-- schema objects in it, with UPDATE on a sequence the order of events.
-- No row when it is trusted (or not there yet); else a row for each finding, owners first:
-- kind 'owner' (what, owner), 'cascade' (what: the foreign key, owner: its table's) or 'grant'
-- (what, owner: the role holding it or PUBLIC,
-- privileges: what it holds beyond reading, comma-separated; revoke: the REVOKE that takes
-- them, from the role that granted them when that is not the owner, CASCADE; a membership of
-- pg_write_all_data from PostgreSQL 16 on: a REVOKE per grantor, separated by '; ').
-- It runs under the session's search_path (a first-format ledger is found through it), where
-- a role may have put its own unnest(text[]) or =(oid, integer) first: every function and type
-- is named in pg_catalog, every operator as OPERATOR(pg_catalog.x).
WITH RECURSIVE ledger AS (
    SELECT n.oid, n.nspname, n.nspowner, n.nspacl
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname OPERATOR(pg_catalog.=) 'uaip_ledger'
),
-- what the schema holds, through pg_depend's index (every relation, function and type records
-- its schema there; an index or a composite type's relation does not, and has the owner of its
-- table or type): no scan of pg_class or pg_proc, which on a database of 10,000 tables took
-- 100 ms a run
held AS (
    SELECT d.classid, d.objid
    FROM ledger n
    JOIN pg_catalog.pg_depend d
      ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass
     AND d.refobjid OPERATOR(pg_catalog.=) n.oid
     AND d.refobjsubid OPERATOR(pg_catalog.=) 0
),
named AS (
    SELECT c.oid
    FROM held h
    JOIN pg_catalog.pg_class c
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND c.oid OPERATOR(pg_catalog.=) h.objid
    JOIN ledger n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    UNION
    SELECT c.oid
    FROM held h
    JOIN pg_catalog.pg_type t
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
     AND t.oid OPERATOR(pg_catalog.=) h.objid
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.typrelid
    JOIN ledger n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    UNION
    SELECT c.oid
    FROM pg_catalog.unnest(ARRAY['uaip_schema_migrations', 'uaip_ledger_info',
                                 'uaip_migration_events',
                                 'uaip_migration_events_id_seq']::pg_catalog.text[]) l(name)
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(l.name)
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
),
-- and every table that inherits from one of them (its rows are read with its parent's, so its
-- owner could forge the history)
family AS (
    SELECT m.oid FROM named m
    UNION
    SELECT i.inhrelid
    FROM family f
    JOIN pg_catalog.pg_inherits i ON i.inhparent OPERATOR(pg_catalog.=) f.oid
),
-- the tables they inherit from or are a partition of, up to the root (their owner adds columns
-- with defaults, constraints and triggers to them, or drops them): each with the table that
-- inherits from it
ancestors AS (
    SELECT i.inhparent AS oid, f.oid AS child
    FROM pg_catalog.unnest(ARRAY(SELECT f.oid FROM family f)) f(oid), -- (see relations)
         LATERAL (SELECT i.inhparent FROM pg_catalog.pg_inherits i
                  WHERE i.inhrelid OPERATOR(pg_catalog.=) f.oid OFFSET 0) i
    UNION
    SELECT i.inhparent, a.oid
    FROM ancestors a,
         LATERAL (SELECT i.inhparent FROM pg_catalog.pg_inherits i
                  WHERE i.inhrelid OPERATOR(pg_catalog.=) a.oid OFFSET 0) i
),
-- those and their indexes (an index that a cancelled DROP INDEX CONCURRENTLY left dead keeps
-- the owner it had when its table changed hands)
-- (an array between: the planner guesses the recursion above at a thousand relations, and every
-- read below them would multiply that; an array it takes for ten)
relations AS (
    SELECT c.oid, c.relname, c.relowner, n.nspname, n.nspowner
    FROM pg_catalog.unnest(ARRAY(SELECT f.oid FROM family f
                                 UNION
                                 SELECT x.indexrelid
                                 FROM family f
                                 JOIN pg_catalog.pg_index x
                                   ON x.indrelid OPERATOR(pg_catalog.=) f.oid)) o(oid)
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) o.oid
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
),
-- what runs when the console writes, reads or analyzes them: their triggers (a WHEN clause
-- too), rules, policies, column defaults, constraints, index expressions and extended
-- statistics (ANALYZE computes their expressions); and a foreign key of another table that
-- references them (it blocks the deletes of every rollback)
attached_here AS (
    SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass AS classid, t.oid AS objid
    FROM relations r,
         LATERAL (SELECT t.oid FROM pg_catalog.pg_trigger t
                  WHERE t.tgrelid OPERATOR(pg_catalog.=) r.oid AND NOT t.tgisinternal
                  OFFSET 0) t
    UNION ALL
    SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, w.oid
    FROM relations r,
         LATERAL (SELECT w.oid FROM pg_catalog.pg_rewrite w
                  WHERE w.ev_class OPERATOR(pg_catalog.=) r.oid OFFSET 0) w
    UNION ALL
    SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid
    FROM relations r,
         LATERAL (SELECT p.oid FROM pg_catalog.pg_policy p
                  WHERE p.polrelid OPERATOR(pg_catalog.=) r.oid OFFSET 0) p
    UNION ALL
    SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, a.oid
    FROM relations r,
         LATERAL (SELECT a.oid FROM pg_catalog.pg_attrdef a
                  WHERE a.adrelid OPERATOR(pg_catalog.=) r.oid OFFSET 0) a
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid
    FROM relations r,
         LATERAL (SELECT k.oid FROM pg_catalog.pg_constraint k
                  WHERE k.conrelid OPERATOR(pg_catalog.=) r.oid OFFSET 0) k
    UNION ALL
    SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, x.oid
    FROM relations r,
         LATERAL (SELECT x.oid FROM pg_catalog.pg_statistic_ext x
                  WHERE x.stxrelid OPERATOR(pg_catalog.=) r.oid OFFSET 0) x
    UNION ALL
    SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, r.oid
    FROM relations r
),
-- the types their columns and the objects above use, and what each is made of (a domain's base
-- type, an array's element, a composite's attributes, a range's subtype): a domain's CHECK and
-- default and a type's functions run as the console writes, reads or analyzes a value, and the
-- type's owner may add a CHECK, or drop the type and the column with it. Through pg_depend's
-- index: a column records its type there, a type what it is made of, a composite's relation its
-- attributes' types; no built-in type is recorded (they are pinned), nor needed (they and all
-- their parts are the bootstrap superuser's). Each with the place it was reached from: the
-- column, or the object that uses it.
type_uses AS (
    SELECT d.refobjid AS oid,
           CASE WHEN a.attname IS NOT NULL
                THEN pg_catalog.concat('the type of column ', pg_catalog.quote_ident(r.nspname),
                                       '.', pg_catalog.quote_ident(r.relname), '.',
                                       pg_catalog.quote_ident(a.attname))
                ELSE pg_catalog.concat('used by ',
                                       pg_catalog.pg_describe_object(h.classid, h.objid, 0))
           END AS place
    FROM attached_here h
    CROSS JOIN LATERAL (SELECT d.refobjid, d.objsubid -- by pg_depend's index, one by one
                        FROM pg_catalog.pg_depend d
                        WHERE d.classid OPERATOR(pg_catalog.=) h.classid
                          AND d.objid OPERATOR(pg_catalog.=) h.objid
                          AND d.refclassid OPERATOR(pg_catalog.=)
                              'pg_catalog.pg_type'::pg_catalog.regclass
                        OFFSET 0) d
    LEFT JOIN relations r
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND r.oid OPERATOR(pg_catalog.=) h.objid
    LEFT JOIN pg_catalog.pg_attribute a
      ON a.attrelid OPERATOR(pg_catalog.=) r.oid
     AND a.attnum OPERATOR(pg_catalog.=) d.objsubid
     AND d.objsubid OPERATOR(pg_catalog.>) 0
),
-- every type reached from one of those (root), itself included (an array between, as above)
types_reached AS (
    SELECT u.root AS oid, u.root
    FROM pg_catalog.unnest(ARRAY(SELECT DISTINCT t.oid FROM type_uses t)) u(root)
    UNION
    SELECT d.refobjid, t.root
    FROM types_reached t
    JOIN pg_catalog.pg_type y ON y.oid OPERATOR(pg_catalog.=) t.oid
    JOIN pg_catalog.pg_depend d
      ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
     AND ((d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
           AND d.objid OPERATOR(pg_catalog.=) t.oid)
          OR (d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.objid OPERATOR(pg_catalog.=) y.typrelid))
),
types AS (
    SELECT DISTINCT t.oid, u.place
    FROM types_reached t
    JOIN type_uses u ON u.oid OPERATOR(pg_catalog.=) t.root
),
-- all that runs: the above, the types (their functions, a domain's default) and their domains'
-- constraints, each type's with its place (label: how it is named; NULL: as the server
-- describes it)
attached AS (
    SELECT h.classid, h.objid, NULL::pg_catalog.text AS place, NULL::pg_catalog.text AS label
    FROM attached_here h
    UNION ALL
    SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.place, NULL
    FROM types t
    UNION ALL
    SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid, t.place,
           pg_catalog.concat('constraint ', pg_catalog.quote_ident(k.conname), ' on domain ',
                             t.oid::pg_catalog.regtype)
    FROM types t,
         LATERAL (SELECT d.objid -- a domain's constraints depend on it: by pg_depend's index
                  FROM pg_catalog.pg_depend d
                  WHERE d.refclassid OPERATOR(pg_catalog.=)
                        'pg_catalog.pg_type'::pg_catalog.regclass
                    AND d.refobjid OPERATOR(pg_catalog.=) t.oid
                    AND d.refobjsubid OPERATOR(pg_catalog.=) 0
                    AND d.classid OPERATOR(pg_catalog.=)
                        'pg_catalog.pg_constraint'::pg_catalog.regclass
                  OFFSET 0) d
    JOIN pg_catalog.pg_constraint k ON k.oid OPERATOR(pg_catalog.=) d.objid
    WHERE k.contypid OPERATOR(pg_catalog.=) t.oid
),
-- the relations they use that are not theirs (a default's sequence, a foreign key's table, what
-- a rule or a policy reads): their owner changes what the console's writes do (a table's own
-- dependencies, on the tables it inherits from, are ancestors')
used AS (
    SELECT DISTINCT d.refobjid AS oid, a.classid, a.objid
    FROM attached a,
         LATERAL (SELECT d.refobjid -- by pg_depend's index, object by object
                  FROM pg_catalog.pg_depend d
                  WHERE d.classid OPERATOR(pg_catalog.=) a.classid
                    AND d.objid OPERATOR(pg_catalog.=) a.objid
                    AND d.refclassid OPERATOR(pg_catalog.=)
                        'pg_catalog.pg_class'::pg_catalog.regclass
                  OFFSET 0) d
    WHERE a.classid OPERATOR(pg_catalog.<>) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND NOT EXISTS (SELECT FROM relations r WHERE r.oid OPERATOR(pg_catalog.=) d.refobjid)
),
-- the functions they call, directly or through an operator
calls AS (
    SELECT a.classid, a.objid, a.place, a.label, p.oid, p.proowner
    FROM attached a,
         LATERAL (SELECT d.refclassid, d.refobjid -- by pg_depend's index, object by object
                  FROM pg_catalog.pg_depend d
                  WHERE d.classid OPERATOR(pg_catalog.=) a.classid
                    AND d.objid OPERATOR(pg_catalog.=) a.objid
                  OFFSET 0) d
    JOIN pg_catalog.pg_proc p
      ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
     AND p.oid OPERATOR(pg_catalog.=) d.refobjid
    UNION
    SELECT a.classid, a.objid, a.place, a.label, p.oid, p.proowner
    FROM attached a,
         LATERAL (SELECT d.refclassid, d.refobjid
                  FROM pg_catalog.pg_depend d
                  WHERE d.classid OPERATOR(pg_catalog.=) a.classid
                    AND d.objid OPERATOR(pg_catalog.=) a.objid
                  OFFSET 0) d
    JOIN pg_catalog.pg_operator o
      ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_operator'::pg_catalog.regclass
     AND o.oid OPERATOR(pg_catalog.=) d.refobjid
    JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) o.oprcode::pg_catalog.oid
),
objects AS (
    SELECT 1 AS rank, pg_catalog.concat('schema ', pg_catalog.quote_ident(n.nspname)) AS what,
           n.nspowner AS owner
    FROM ledger n
    UNION ALL
    SELECT 2, pg_catalog.concat('relation ', pg_catalog.quote_ident(r.nspname), '.',
                                pg_catalog.quote_ident(r.relname)), r.relowner
    FROM relations r
    UNION ALL
    SELECT 3, pg_catalog.concat('function ', p.oid::pg_catalog.regprocedure), p.proowner
    FROM held h
    JOIN pg_catalog.pg_proc p
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
     AND p.oid OPERATOR(pg_catalog.=) h.objid
    JOIN ledger n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
    UNION ALL
    SELECT 2, pg_catalog.concat('relation ', pg_catalog.quote_ident(n.nspname), '.',
                                pg_catalog.quote_ident(c.relname), ' (',
                                a.child::pg_catalog.regclass,
                                CASE WHEN c.relkind OPERATOR(pg_catalog.=) 'p'
                                     THEN ' is a partition of it)'
                                     ELSE ' inherits from it)' END),
           c.relowner
    FROM ancestors a,
         LATERAL (SELECT c.relname, c.relkind, c.relowner, c.relnamespace
                  FROM pg_catalog.pg_class c
                  WHERE c.oid OPERATOR(pg_catalog.=) a.oid OFFSET 0) c
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    WHERE NOT EXISTS (SELECT FROM family f WHERE f.oid OPERATOR(pg_catalog.=) a.oid)
    UNION ALL
    SELECT 3, pg_catalog.concat('type ', t.oid::pg_catalog.regtype, ' (', t.place, ')'),
           y.typowner
    FROM types t
    JOIN pg_catalog.pg_type y ON y.oid OPERATOR(pg_catalog.=) t.oid
    UNION ALL
    SELECT 3, pg_catalog.concat('statistics object ', pg_catalog.quote_ident(n.nspname), '.',
                                pg_catalog.quote_ident(x.stxname), ' (on ',
                                x.stxrelid::pg_catalog.regclass, ')'),
           x.stxowner
    FROM attached_here h
    JOIN pg_catalog.pg_statistic_ext x
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass
     AND x.oid OPERATOR(pg_catalog.=) h.objid
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) x.stxnamespace
    UNION ALL
    SELECT 3, pg_catalog.concat('relation ', pg_catalog.quote_ident(n.nspname), '.',
                                pg_catalog.quote_ident(c.relname), ' (used by ',
                                pg_catalog.pg_describe_object(u.classid, u.objid, 0), ')'),
           c.relowner
    FROM used u
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) u.oid
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
    UNION ALL
    SELECT 4, pg_catalog.concat('function ', c.oid::pg_catalog.regprocedure, ' (run by ',
                                coalesce(c.label,
                                         pg_catalog.pg_describe_object(c.classid, c.objid, 0)),
                                CASE WHEN c.place IS NOT NULL
                                     THEN pg_catalog.concat(', ', c.place) END, ')'),
           c.proowner
    FROM calls c
    UNION ALL
    SELECT 4, pg_catalog.concat('foreign key ', pg_catalog.quote_ident(k.conname), ' on ',
                                k.conrelid::pg_catalog.regclass, ' (it references ',
                                k.confrelid::pg_catalog.regclass, ')'),
           c.relowner
    FROM (SELECT DISTINCT k.conname, k.conrelid, k.confrelid -- through pg_depend's index
          FROM relations r
          JOIN pg_catalog.pg_depend d
            ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
           AND d.refobjid OPERATOR(pg_catalog.=) r.oid
           AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
          JOIN pg_catalog.pg_constraint k
            ON k.oid OPERATOR(pg_catalog.=) d.objid
           AND k.contype OPERATOR(pg_catalog.=) 'f'
           AND k.confrelid OPERATOR(pg_catalog.=) r.oid) k
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) k.conrelid
),
-- every privilege on them but reading: what, the object as REVOKE names it (target), its owner,
-- the grantor, the grantee (0: PUBLIC), the privilege and as REVOKE lists it (a column's with
-- the column)
granted AS (
    SELECT pg_catalog.concat('schema ', pg_catalog.quote_ident(n.nspname)) AS what,
           pg_catalog.concat('SCHEMA ', pg_catalog.quote_ident(n.nspname)) AS target,
           n.nspowner AS owner, a.grantor, a.grantee, a.privilege_type,
           a.privilege_type AS listed
    FROM ledger n,
         LATERAL pg_catalog.aclexplode(n.nspacl) a
    WHERE a.privilege_type OPERATOR(pg_catalog.<>) 'USAGE'
    UNION ALL
    SELECT pg_catalog.concat('relation ', pg_catalog.quote_ident(r.nspname), '.',
                             pg_catalog.quote_ident(r.relname)),
           pg_catalog.concat(CASE WHEN c.relkind OPERATOR(pg_catalog.=) 'S' THEN 'SEQUENCE '
                                  ELSE 'TABLE ' END,
                             pg_catalog.quote_ident(r.nspname), '.',
                             pg_catalog.quote_ident(r.relname)),
           c.relowner, a.grantor, a.grantee, a.privilege_type, a.privilege_type
    FROM relations r
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.oid,
         LATERAL pg_catalog.aclexplode(c.relacl) a
    WHERE a.privilege_type OPERATOR(pg_catalog.<>) 'SELECT'
      AND NOT (c.relkind OPERATOR(pg_catalog.=) 'S'
               AND a.privilege_type OPERATOR(pg_catalog.=) 'USAGE')
    UNION ALL
    SELECT pg_catalog.concat('relation ', pg_catalog.quote_ident(r.nspname), '.',
                             pg_catalog.quote_ident(r.relname)),
           pg_catalog.concat('TABLE ', pg_catalog.quote_ident(r.nspname), '.',
                             pg_catalog.quote_ident(r.relname)),
           r.relowner, a.grantor, a.grantee, a.privilege_type,
           pg_catalog.concat(a.privilege_type, ' (', pg_catalog.quote_ident(t.attname), ')')
    FROM relations r,
         LATERAL (SELECT t.attname, t.attacl -- by pg_attribute's index, relation by relation
                  FROM pg_catalog.pg_attribute t
                  WHERE t.attrelid OPERATOR(pg_catalog.=) r.oid
                    AND t.attnum OPERATOR(pg_catalog.>) 0 AND t.attacl IS NOT NULL
                  OFFSET 0) t,
         LATERAL pg_catalog.aclexplode(t.attacl) a
    WHERE a.privilege_type OPERATOR(pg_catalog.<>) 'SELECT'
),
-- who is trusted: a superuser, the connected role, or a role that has its privileges already
trusted AS (
    SELECT r.oid
    FROM pg_catalog.pg_roles r
    WHERE r.rolsuper OR r.rolname OPERATOR(pg_catalog.=) current_user
       OR pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')
),
findings AS (
    SELECT o.rank, 'owner' AS kind, o.what, r.rolname::pg_catalog.text AS owner,
           NULL::pg_catalog.text AS privileges, NULL::pg_catalog.text AS revoke
    FROM objects o
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) o.owner
    WHERE NOT EXISTS (SELECT FROM trusted t WHERE t.oid OPERATOR(pg_catalog.=) r.oid)
    UNION ALL
    -- a foreign key of theirs to a table not theirs whose action changes their rows (ON UPDATE
    -- or ON DELETE CASCADE, SET NULL, SET DEFAULT): whoever may update or delete that table's
    -- rows changes the ledger's, the action running with the ledger table owner's rights (and
    -- its triggers with them), whoever owns that table
    SELECT 5, 'cascade',
           pg_catalog.concat('foreign key ', pg_catalog.quote_ident(k.conname), ' on ',
                             k.conrelid::pg_catalog.regclass, ' (',
                             pg_catalog.pg_get_constraintdef(k.oid), ')'),
           r.rolname::pg_catalog.text, NULL, NULL
    FROM attached_here h
    JOIN pg_catalog.pg_constraint k
      ON h.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
     AND k.oid OPERATOR(pg_catalog.=) h.objid
     AND k.contype OPERATOR(pg_catalog.=) 'f'
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) k.confrelid
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) c.relowner
    WHERE NOT EXISTS (SELECT FROM relations x WHERE x.oid OPERATOR(pg_catalog.=) k.confrelid)
      AND (NOT (k.confupdtype OPERATOR(pg_catalog.=) 'a'
                OR k.confupdtype OPERATOR(pg_catalog.=) 'r')
           OR NOT (k.confdeltype OPERATOR(pg_catalog.=) 'a'
                   OR k.confdeltype OPERATOR(pg_catalog.=) 'r'))
    UNION ALL
    SELECT 6, 'grant', g.what, coalesce(r.rolname::pg_catalog.text, 'PUBLIC'),
           pg_catalog.string_agg(DISTINCT g.privilege_type, ', '),
           pg_catalog.concat('REVOKE ', pg_catalog.string_agg(DISTINCT g.listed, ', '), ' ON ',
                             g.target, ' FROM ',
                             CASE WHEN g.grantor OPERATOR(pg_catalog.=) g.owner
                                  THEN coalesce(pg_catalog.quote_ident(r.rolname), 'PUBLIC')
                                  ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(g.grantor))
                             END, ' CASCADE')
    FROM granted g
    LEFT JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) g.grantee
    WHERE g.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid
       OR NOT EXISTS (SELECT FROM trusted t WHERE t.oid OPERATOR(pg_catalog.=) g.grantee)
    GROUP BY g.what, g.target, g.owner, g.grantor, r.rolname
    UNION ALL
    -- what may write every table (PostgreSQL 14 on), the ledger's among them: once per member;
    -- from PostgreSQL 16 on a role is a member once per grantor, and a REVOKE takes back one
    -- grantor's membership (GRANTED BY): one for each, CASCADE (to what it granted on)
    SELECT 7, 'grant', 'every table (pg_write_all_data)', r.rolname::pg_catalog.text,
           'INSERT, UPDATE, DELETE',
           CASE WHEN pg_catalog.current_setting('server_version_num')::int
                     OPERATOR(pg_catalog.>=) 160000
                THEN (SELECT pg_catalog.string_agg(
                                 pg_catalog.concat('REVOKE pg_write_all_data FROM ',
                                                   pg_catalog.quote_ident(r.rolname),
                                                   ' GRANTED BY ', pg_catalog.quote_ident(g.rolname),
                                                   ' CASCADE'),
                                 '; ' ORDER BY g.rolname)
                      FROM pg_catalog.pg_auth_members m
                      JOIN pg_catalog.pg_roles g ON g.oid OPERATOR(pg_catalog.=) m.grantor
                      WHERE m.member OPERATOR(pg_catalog.=) r.oid
                        AND m.roleid OPERATOR(pg_catalog.=)
                            pg_catalog.to_regrole('pg_write_all_data')::pg_catalog.oid)
                ELSE pg_catalog.concat('REVOKE pg_write_all_data FROM ',
                                       pg_catalog.quote_ident(r.rolname)) END
    FROM pg_catalog.pg_roles r
    WHERE EXISTS (SELECT FROM pg_catalog.pg_auth_members m
                  WHERE m.member OPERATOR(pg_catalog.=) r.oid
                    AND m.roleid OPERATOR(pg_catalog.=)
                        pg_catalog.to_regrole('pg_write_all_data')::pg_catalog.oid)
      AND NOT EXISTS (SELECT FROM trusted t WHERE t.oid OPERATOR(pg_catalog.=) r.oid)
      AND EXISTS (SELECT FROM objects)
)
SELECT f.kind, f.what, f.owner, f.privileges, f.revoke
FROM findings f
ORDER BY f.rank, f.what, f.owner
