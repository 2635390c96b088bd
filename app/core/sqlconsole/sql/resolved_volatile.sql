-- The VOLATILE functions each of a batch of statements reaches, another role's functions (other_owner), and the functions that run code they are given
-- whatever their volatility (runs_sql: SQL text, a relation's query, a cast to json), as the server resolved it, one row per statement (root: its
-- number in $1) and function ($1: the names of the temporary views of the statements, an array, created and rolled back by StatementResolution; $2: a JSON
-- array of VOLATILE pg_catalog functions that only read; $3: QueryRunningFunctions' names, prefixes and C symbols). Walked from each view: the node trees
-- the server stored (a view's rule, a policy's USING, a domain's CHECK, a function's defaults
-- and SQL-standard body) name every function (FuncExpr, Aggref, WindowFunc, OpExpr's function,
-- a window's in_range support), operator, relation (RangeTblEntry) and type they run or make a
-- value of. Every field of outfuncs that holds a type's oid is taken (a Var's, a Const's, a
-- Param's, a result type of a function, operator, coercion (CoerceViaIO, ArrayCoerceExpr,
-- ConvertRowtypeExpr, CoerceToDomain), row, array, CASE, COALESCE, subscript, XML or JSON
-- expression, and the column type lists of a function in FROM with a column definition list,
-- of XMLTABLE/JSON_TABLE, VALUES, a CTE and a set operation: ":funccoltypes (o 1 2)"), as a
-- value of any of them may be made by its type's input function (a text cast to a composite,
-- jsonb_populate_record, jsonb_to_record(j) AS x(a d)), which checks the CHECKs of every domain
-- inside it. From there an operator's function (and its negator and commutator), an
-- aggregate's support functions, a function's argument and result types, a type's base
-- (domain), element (array), attributes (composite, a table's row), subtype (range) and range
-- (multirange) and a domain's CHECKs, a range's canonical and subtype_diff functions, a view's
-- rule, a table's SELECT policies (row level security on) and its range columns. UNION keeps
-- each (start, object) once, so the walk ends on any cycle. pg_depend is not enough:
-- references to built-in (pinned) objects are not recorded. The trees are read as the server
-- writes them (nodeToString): a field is " :name value", a user's text (an alias, a column
-- name) has its spaces escaped and a constant is written as bytes, so no name can pose as a
-- field. A tree is cut at each " :" (string_to_table, no regular expression over the whole
-- text: that cost three times as much) and a piece whose first word is one of the names above
-- gives its number or its list of numbers. Everything is schema-qualified, operators included. What a probe view names directly
-- (direct) is walked once for all the statements naming it (reach keeps where each walk
-- started), then told to each statement.
-- Also, per statement: another role's domains and composite types it reaches (kind t: their
-- owner may change them at any time, and no lock the caller can take stops that) and the
-- tables and views of other roles it reaches (kind r, with oid, schema_name and object_name:
-- VerdictHold locks them while the statement runs, so that what was walked is what runs).
WITH RECURSIVE polymorphic(t) AS (
    -- the argument types of a function that takes a value of any type
    SELECT pg_catalog.unnest(ARRAY['pg_catalog.anyelement'::pg_catalog.regtype,
                                   'pg_catalog.anyarray'::pg_catalog.regtype,
                                   'pg_catalog.anynonarray'::pg_catalog.regtype,
                                   'pg_catalog.anycompatible'::pg_catalog.regtype,
                                   'pg_catalog.anycompatiblearray'::pg_catalog.regtype,
                                   'pg_catalog.anycompatiblenonarray'::pg_catalog.regtype,
                                   'pg_catalog.record'::pg_catalog.regtype,
                                   'pg_catalog."any"'::pg_catalog.regtype]::pg_catalog.oid[])
), views(root, oid) AS (
    SELECT v.ord::pg_catalog.int4, v.name::pg_catalog.regclass::pg_catalog.oid
      FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS v(name, ord)
), direct(root, kind, oid) AS (
    SELECT views.root, node.kind, node.oid
      FROM views
      JOIN pg_catalog.pg_rewrite r ON r.ev_class OPERATOR(pg_catalog.=) views.oid,
           LATERAL (
               SELECT CASE
                          WHEN f.field OPERATOR(pg_catalog.=) 'relid' THEN 'r'
                          WHEN f.field OPERATOR(pg_catalog.=) ANY ('{opno,eqop,sortop,cycle_mark_neop,opnos}'::pg_catalog.text[]) THEN 'o'
                          WHEN f.field OPERATOR(pg_catalog.=) ANY ('{funcid,opfuncid,hashfuncid,negfuncid,aggfnoid,winfnoid,startInRangeFunc,endInRangeFunc}'::pg_catalog.text[]) THEN 'f'
                          ELSE 't'
                      END AS kind,
                      o.oid::pg_catalog.oid AS oid
                 FROM pg_catalog.string_to_table(r.ev_action::pg_catalog.text, ' :') AS p(piece),
                      LATERAL (SELECT pg_catalog.split_part(p.piece, ' ', 1) AS field) AS f,
                      -- a number, or a list of oids "(o 23 25)"
                      LATERAL pg_catalog.string_to_table(
                          pg_catalog.substring(p.piece, '^[A-Za-z_]+ (?:[(]o )?([0-9 ]*[0-9])'), ' ') AS o(oid)
                WHERE f.field OPERATOR(pg_catalog.=) ANY ('{relid,opno,eqop,sortop,cycle_mark_neop,opnos,funcid,opfuncid,hashfuncid,negfuncid,aggfnoid,winfnoid,startInRangeFunc,endInRangeFunc,vartype,consttype,paramtype,aggtype,aggtranstype,wintype,msftype,refcontainertype,refelemtype,refrestype,funcresulttype,opresulttype,firstColType,resulttype,casetype,typeId,array_typeid,element_typeid,row_typeid,coalescetype,minmaxtype,type,typid,cycle_mark_type,aggargtypes,coltypes,funccoltypes,ctecoltypes,colTypes}'::pg_catalog.text[])
           ) AS node
), reach(start_kind, start_oid, kind, oid) AS (
    SELECT DISTINCT direct.kind, direct.oid, direct.kind, direct.oid
      FROM direct
     WHERE direct.oid OPERATOR(pg_catalog.<>) 0::pg_catalog.oid
       -- a view's rule names the view itself (its OLD and NEW), walked here already
       AND NOT (direct.kind OPERATOR(pg_catalog.=) 'r'
                AND direct.oid OPERATOR(pg_catalog.=) ANY (ARRAY(SELECT views.oid FROM views)))
  UNION
    SELECT reach.start_kind, reach.start_oid, step.kind, step.oid
      FROM reach,
           LATERAL (
               SELECT node.kind, node.oid
                 FROM (
                        SELECT r.ev_action::pg_catalog.text AS tree
                          FROM pg_catalog.pg_rewrite r
                          JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.ev_class
                         WHERE reach.kind OPERATOR(pg_catalog.=) 'r'
                           AND r.ev_class OPERATOR(pg_catalog.=) reach.oid
                           AND c.relkind OPERATOR(pg_catalog.=) 'v'
                      UNION ALL
                        SELECT p.polqual::pg_catalog.text
                          FROM pg_catalog.pg_policy p
                          JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) p.polrelid
                         WHERE reach.kind OPERATOR(pg_catalog.=) 'r'
                           AND p.polrelid OPERATOR(pg_catalog.=) reach.oid
                           AND c.relrowsecurity
                           AND p.polcmd OPERATOR(pg_catalog.=) ANY ('{r,*}'::pg_catalog."char"[])
                      UNION ALL
                        SELECT c.conbin::pg_catalog.text
                          FROM pg_catalog.pg_constraint c
                         WHERE reach.kind OPERATOR(pg_catalog.=) 't'
                           AND c.contypid OPERATOR(pg_catalog.=) reach.oid
                      UNION ALL
                        SELECT pg_catalog.concat_ws(' ', p.proargdefaults::pg_catalog.text,
                                                  p.prosqlbody::pg_catalog.text)
                          FROM pg_catalog.pg_proc p
                         WHERE reach.kind OPERATOR(pg_catalog.=) 'f'
                           AND p.oid OPERATOR(pg_catalog.=) reach.oid
                      ) trees,
                      LATERAL (
                          SELECT CASE
                                     WHEN f.field OPERATOR(pg_catalog.=) 'relid' THEN 'r'
                                     WHEN f.field OPERATOR(pg_catalog.=) ANY ('{opno,eqop,sortop,cycle_mark_neop,opnos}'::pg_catalog.text[]) THEN 'o'
                                     WHEN f.field OPERATOR(pg_catalog.=) ANY ('{funcid,opfuncid,hashfuncid,negfuncid,aggfnoid,winfnoid,startInRangeFunc,endInRangeFunc}'::pg_catalog.text[]) THEN 'f'
                                     ELSE 't'
                                 END AS kind,
                                 o.oid::pg_catalog.oid AS oid
                            FROM pg_catalog.string_to_table(trees.tree, ' :') AS p(piece),
                                 LATERAL (SELECT pg_catalog.split_part(p.piece, ' ', 1) AS field) AS f,
                                 -- a number, or a list of oids "(o 23 25)"
                                 LATERAL pg_catalog.string_to_table(
                                     pg_catalog.substring(p.piece, '^[A-Za-z_]+ (?:[(]o )?([0-9 ]*[0-9])'), ' ') AS o(oid)
                           WHERE f.field OPERATOR(pg_catalog.=) ANY ('{relid,opno,eqop,sortop,cycle_mark_neop,opnos,funcid,opfuncid,hashfuncid,negfuncid,aggfnoid,winfnoid,startInRangeFunc,endInRangeFunc,vartype,consttype,paramtype,aggtype,aggtranstype,wintype,msftype,refcontainertype,refelemtype,refrestype,funcresulttype,opresulttype,firstColType,resulttype,casetype,typeId,array_typeid,element_typeid,row_typeid,coalescetype,minmaxtype,type,typid,cycle_mark_type,aggargtypes,coltypes,funccoltypes,ctecoltypes,colTypes}'::pg_catalog.text[])
                      ) AS node
             UNION ALL
               SELECT 'f', o.oprcode::pg_catalog.oid
                 FROM pg_catalog.pg_operator o
                WHERE reach.kind OPERATOR(pg_catalog.=) 'o'
                  AND o.oid OPERATOR(pg_catalog.=) reach.oid
             UNION ALL
               -- the planner may use an operator's negator (NOT (a op b)) or commutator instead
               SELECT 'o', x.op::pg_catalog.oid
                 FROM pg_catalog.pg_operator o,
                      LATERAL (VALUES (o.oprnegate), (o.oprcom)) AS x(op)
                WHERE reach.kind OPERATOR(pg_catalog.=) 'o'
                  AND o.oid OPERATOR(pg_catalog.=) reach.oid
             UNION ALL
               -- a relation's columns of a range type (its functions run in planning)
               SELECT 't', a.atttypid::pg_catalog.oid
                 FROM pg_catalog.pg_attribute a
                 JOIN pg_catalog.pg_range rg ON rg.rngtypid OPERATOR(pg_catalog.=) a.atttypid
                WHERE reach.kind OPERATOR(pg_catalog.=) 'r'
                  AND a.attrelid OPERATOR(pg_catalog.=) reach.oid
                  AND a.attnum OPERATOR(pg_catalog.>) 0
                  AND NOT a.attisdropped
             UNION ALL
               -- a range's subtype (its input reads each bound with the subtype's) and its
               -- subtype_diff (selectivity estimation) and canonical functions; a multirange's
               -- range
               SELECT x.kind, x.oid
                 FROM pg_catalog.pg_range rg,
                      LATERAL (VALUES ('t', rg.rngsubtype::pg_catalog.oid),
                                      ('t', rg.rngtypid::pg_catalog.oid),
                                      ('f', rg.rngsubdiff::pg_catalog.oid),
                                      ('f', rg.rngcanonical::pg_catalog.oid)) AS x(kind, oid)
                WHERE reach.kind OPERATOR(pg_catalog.=) 't'
                  AND (rg.rngtypid OPERATOR(pg_catalog.=) reach.oid
                       OR rg.rngmultitypid OPERATOR(pg_catalog.=) reach.oid)
             UNION ALL
               SELECT 'f', s.fn::pg_catalog.oid
                 FROM pg_catalog.pg_aggregate a,
                      LATERAL (VALUES (a.aggtransfn), (a.aggfinalfn), (a.aggcombinefn),
                                      (a.aggserialfn), (a.aggdeserialfn), (a.aggmtransfn),
                                      (a.aggminvtransfn), (a.aggmfinalfn)) AS s(fn)
                WHERE reach.kind OPERATOR(pg_catalog.=) 'f'
                  AND a.aggfnoid::pg_catalog.oid OPERATOR(pg_catalog.=) reach.oid
             UNION ALL
               -- a function's argument and result types (OUT parameters included): a value of
               -- a domain among them is checked where the function makes or takes it
               SELECT 't', a.t
                 FROM pg_catalog.pg_proc p,
                      LATERAL pg_catalog.unnest(pg_catalog.array_append(
                          COALESCE(p.proallargtypes, p.proargtypes::pg_catalog.oid[]),
                          p.prorettype::pg_catalog.oid)) AS a(t)
                WHERE reach.kind OPERATOR(pg_catalog.=) 'f'
                  AND p.oid OPERATOR(pg_catalog.=) reach.oid
             UNION ALL
               SELECT 't', b.t
                 FROM pg_catalog.pg_type ty,
                      LATERAL (VALUES (ty.typbasetype), (ty.typelem)) AS b(t)
                WHERE reach.kind OPERATOR(pg_catalog.=) 't'
                  AND ty.oid OPERATOR(pg_catalog.=) reach.oid
             UNION ALL
               -- a composite's (or a table's row's) attributes: its input reads each with its
               -- own type's
               SELECT 't', a.atttypid::pg_catalog.oid
                 FROM pg_catalog.pg_type ty
                 JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) ty.typrelid
                WHERE reach.kind OPERATOR(pg_catalog.=) 't'
                  AND ty.oid OPERATOR(pg_catalog.=) reach.oid
                  AND a.attnum OPERATOR(pg_catalog.>) 0
                  AND NOT a.attisdropped
           ) step
     WHERE step.oid OPERATOR(pg_catalog.<>) 0::pg_catalog.oid
), reached(root, kind, oid) AS (
    SELECT DISTINCT direct.root, reach.kind, reach.oid
      FROM direct
      JOIN reach ON reach.start_kind OPERATOR(pg_catalog.=) direct.kind
                AND reach.start_oid OPERATOR(pg_catalog.=) direct.oid
), objects(root, kind, oid, nsp, name, owner, catalog) AS (
    SELECT reached.root, 'f', p.oid, p.pronamespace, p.proname, p.proowner, 'pg_catalog.pg_proc'::pg_catalog.regclass
      FROM reached JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) reached.oid
     WHERE reached.kind OPERATOR(pg_catalog.=) 'f'
  UNION ALL
    -- a domain (its owner may ADD a CHECK at any time, and nothing a reader holds stops that)
    -- and a composite type of its own (its owner may change its attributes the same way)
    SELECT reached.root, 't', t.oid, t.typnamespace, t.typname, t.typowner, 'pg_catalog.pg_type'::pg_catalog.regclass
      FROM reached
      JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) reached.oid
      LEFT JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.typrelid
     WHERE reached.kind OPERATOR(pg_catalog.=) 't'
       AND (t.typtype OPERATOR(pg_catalog.=) 'd'
            OR (t.typtype OPERATOR(pg_catalog.=) 'c' AND c.relkind OPERATOR(pg_catalog.=) 'c'))
  UNION ALL
    -- a table or view: what the caller holds against change while the statement runs; a
    -- table's row type reached as a type too (ALTER TABLE … ALTER COLUMN TYPE changes it)
    SELECT DISTINCT reached.root, 'r', c.oid, c.relnamespace, c.relname, c.relowner, 'pg_catalog.pg_class'::pg_catalog.regclass
      FROM reached
      LEFT JOIN pg_catalog.pg_type t ON reached.kind OPERATOR(pg_catalog.=) 't'
                                     AND t.oid OPERATOR(pg_catalog.=) reached.oid
      JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) CASE WHEN reached.kind OPERATOR(pg_catalog.=) 'r' THEN reached.oid ELSE t.typrelid END
     WHERE reached.kind OPERATOR(pg_catalog.=) ANY ('{r,t}'::pg_catalog.text[])
       AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p,v}'::pg_catalog."char"[])
), owned AS (
    -- another role's object (not the catalog's, not an extension's) whose owner lacks the
    -- caller's rights (no superuser, no member of the caller's role): its code's declared
    -- volatility is its owner's word, it would run with rights its owner does not have, and its
    -- owner may change it while the caller runs
    SELECT objects.*, n.nspname,
           (n.nspname OPERATOR(pg_catalog.<>) ALL (ARRAY['pg_catalog', 'information_schema']::pg_catalog.name[])
            AND NOT pg_catalog.pg_has_role(objects.owner, CURRENT_USER, 'USAGE')
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
                             WHERE d.classid OPERATOR(pg_catalog.=) objects.catalog
                               AND d.objid OPERATOR(pg_catalog.=) objects.oid
                               AND d.deptype OPERATOR(pg_catalog.=) 'e'
                               -- an extension whose owner has the caller's rights
                               AND pg_catalog.pg_has_role(e.extowner, CURRENT_USER, 'USAGE')))
               AS other_owner
      FROM objects
      JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) objects.nsp
)
SELECT owned.root, owned.kind,
       pg_catalog.quote_ident(owned.nspname) || '.' || pg_catalog.quote_ident(owned.name) AS name,
       COALESCE(q.runs_sql, false) AS runs_sql, owned.other_owner,
       pg_catalog.pg_get_userbyid(owned.owner) AS owner, owned.oid,
       owned.nspname AS schema_name, owned.name AS object_name,
       -- a relation: a view (locked before the tables, as the server's own rewriting does) and
       -- whether the caller may LOCK it (SELECT)
       owned.kind OPERATOR(pg_catalog.=) 'r'
           AND (SELECT c.relkind OPERATOR(pg_catalog.=) 'v' FROM pg_catalog.pg_class c
                 WHERE c.oid OPERATOR(pg_catalog.=) owned.oid) AS is_view,
       owned.kind OPERATOR(pg_catalog.=) 'r'
           AND pg_catalog.has_table_privilege(owned.oid, 'SELECT') AS selectable
  FROM owned
  LEFT JOIN pg_catalog.pg_proc p ON owned.kind OPERATOR(pg_catalog.=) 'f'
                                AND p.oid OPERATOR(pg_catalog.=) owned.oid
  LEFT JOIN LATERAL (
       SELECT (owned.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
               AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
                   SELECT pg_catalog.jsonb_array_elements_text($3::pg_catalog.jsonb
                              OPERATOR(pg_catalog.->) 'names'))::pg_catalog.name[]))
           OR p.proname::pg_catalog.text OPERATOR(pg_catalog.~~) ANY (ARRAY(
                   SELECT pg_catalog.jsonb_array_elements_text($3::pg_catalog.jsonb
                              OPERATOR(pg_catalog.->) 'prefixes')
                          OPERATOR(pg_catalog.||) '%'))
           -- a C function of any name whose library and symbol run SQL (a wrapper of
           -- tablefunc's crosstab)
           OR (p.probin IS NOT NULL
               AND pg_catalog.concat(pg_catalog.regexp_replace(p.probin, '^.*/|[.]so$', '', 'g'),
                                     ':', p.prosrc)
                   OPERATOR(pg_catalog.~~) ANY (ARRAY(
                       SELECT pg_catalog.jsonb_array_elements_text($3::pg_catalog.jsonb
                                  OPERATOR(pg_catalog.->) 'symbols')
                              OPERATOR(pg_catalog.||) '%')))
           -- a catalog function that makes json of any value runs the value's cast to json,
           -- which is no node of the tree: while a cast to json of someone's own function
           -- exists, it counts as running code it is given
           OR (owned.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
               AND p.prorettype OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.json'::pg_catalog.regtype,
                                             'pg_catalog.jsonb'::pg_catalog.regtype]::pg_catalog.oid[])
               AND p.proargtypes::pg_catalog.oid[] OPERATOR(pg_catalog.&&) ARRAY(SELECT polymorphic.t FROM polymorphic)
               AND EXISTS (SELECT 1 FROM pg_catalog.pg_cast k
                             JOIN pg_catalog.pg_proc kf ON kf.oid OPERATOR(pg_catalog.=) k.castfunc
                            WHERE k.casttarget OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.json'::pg_catalog.regtype,
                                                        'pg_catalog.jsonb'::pg_catalog.regtype]::pg_catalog.oid[])
                              AND kf.pronamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace))
           -- a catalog SQL function whose body is text, parsed when it runs (textanycat behind
           -- text || any, anytextcat, quote_literal and quote_nullable of anyelement): the cast
           -- to text in it is looked up then, for a value of any type it is given, and is no
           -- node of the tree. It counts as running code it is given while a cast to text
           -- through a function the walk would count as writing exists (VOLATILE, or another
           -- role's), and where the statement reaches a type of another role (an enum, a
           -- table's row, an array of one), whose owner may create that cast at any moment, also
           -- after this walk and before the function's body is planned
           OR (owned.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
               AND p.prosqlbody IS NULL
               AND p.prolang OPERATOR(pg_catalog.=) (SELECT l.oid FROM pg_catalog.pg_language l
                                                      WHERE l.lanname OPERATOR(pg_catalog.=) 'sql')
               AND p.proargtypes::pg_catalog.oid[] OPERATOR(pg_catalog.&&) ARRAY(SELECT polymorphic.t FROM polymorphic)
               AND (EXISTS (SELECT 1 FROM pg_catalog.pg_cast k
                              JOIN pg_catalog.pg_proc kf ON kf.oid OPERATOR(pg_catalog.=) k.castfunc
                             WHERE k.casttarget OPERATOR(pg_catalog.=) 'pg_catalog.text'::pg_catalog.regtype
                               AND kf.pronamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace
                               AND (kf.provolatile OPERATOR(pg_catalog.=) 'v'
                                    OR NOT pg_catalog.pg_has_role(kf.proowner, CURRENT_USER, 'USAGE')))
                    OR EXISTS (SELECT 1 FROM reached r
                                 JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) r.oid
                                WHERE r.root OPERATOR(pg_catalog.=) owned.root
                                  AND r.kind OPERATOR(pg_catalog.=) 't'
                                  AND t.typnamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace
                                  AND NOT pg_catalog.pg_has_role(t.typowner, CURRENT_USER, 'USAGE'))))
           AS runs_sql) q ON true
 WHERE (owned.kind OPERATOR(pg_catalog.=) 'f'
        AND (q.runs_sql
             OR owned.other_owner
             OR (p.provolatile OPERATOR(pg_catalog.=) 'v'
                 AND NOT (owned.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
                          AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
                              SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb))::pg_catalog.name[])))))
    OR (owned.kind OPERATOR(pg_catalog.<>) 'f' AND owned.other_owner)
 ORDER BY 1, 2, 3
