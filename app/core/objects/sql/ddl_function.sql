-- The statements that create one function or procedure (ObjectDdl), as pg_dump -s writes
-- them: CREATE FUNCTION name(arguments with defaults) RETURNS ..., then on one line LANGUAGE,
-- TRANSFORM, WINDOW, the volatility unless VOLATILE, STRICT, SECURITY DEFINER, LEAKPROOF, COST
-- unless the language's default, ROWS of a set-returning function unless 1000, SUPPORT,
-- PARALLEL unless UNSAFE; a SET line per setting (a list setting such as search_path as one
-- literal per element); then the body: a SQL-standard body as pg_get_function_sqlbody writes
-- it (BEGIN ATOMIC ... END), a C function's AS 'file', 'symbol', else AS and the source
-- dollar-quoted with the first tag of $, $_, $_X, ... the source does not contain. Then the
-- owner, and the comment (identified with its arguments' names, as pg_dump does). Parameter:
-- the oid. Run with search_path empty. Columns: ord, statement.
WITH RECURSIVE fn AS (
    SELECT p.oid, p.prokind, p.proowner, p.prosrc, p.probin, p.prosqlbody, p.proconfig,
           p.protrftypes, p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.procost,
           p.prorows, p.proretset, p.prosupport, p.proparallel, l.lanname,
           CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS keyword,
           pg_catalog.format('%I.%I', n.nspname, p.proname) AS qname,
           pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
                             pg_catalog.pg_get_function_identity_arguments(p.oid)) AS signature
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE p.oid = $1::pg_catalog.oid AND p.prokind IN ('f', 'p', 'w')
),
-- pg_dump's dollar-quote tag: $, then one more of _XXXXXXX (in turn) while the source holds it
tag(tag, k) AS (
    SELECT '$'::text, 0 FROM fn
    UNION ALL
    SELECT t.tag || pg_catalog.substr('_XXXXXXX', t.k % 8 + 1, 1), t.k + 1
    FROM tag t, fn f WHERE pg_catalog.strpos(f.prosrc, t.tag) > 0
),
quoted AS (
    SELECT f.*, (SELECT t.tag || '$' FROM tag t ORDER BY t.k DESC LIMIT 1) AS dq,
           -- a literal as pg_dump writes it with standard_conforming_strings on
           '''' || pg_catalog.replace(f.probin, '''', '''''') || '''' AS binlit,
           '''' || pg_catalog.replace(f.prosrc, '''', '''''') || '''' AS srclit
    FROM fn f
),
settings AS (
    SELECT q.oid,
           pg_catalog.string_agg(
               E'\n    SET ' || pg_catalog.quote_ident(pg_catalog.split_part(c.item, '=', 1))
               || ' TO '
               || CASE WHEN pg_catalog.lower(pg_catalog.split_part(c.item, '=', 1)) IN (
                                'search_path', 'temp_tablespaces', 'local_preload_libraries',
                                'session_preload_libraries', 'shared_preload_libraries',
                                'unix_socket_directories')
                       -- a list as the server stored it (quoted identifiers joined by ", "):
                       -- each element as a literal
                       THEN (SELECT pg_catalog.string_agg(
                                        '''' || pg_catalog.replace(
                                            CASE WHEN pg_catalog.starts_with(e.m[1], '"')
                                                 THEN pg_catalog.replace(
                                                     pg_catalog.substr(e.m[1], 2,
                                                                       pg_catalog.length(e.m[1]) - 2),
                                                     '""', '"')
                                                 ELSE e.m[1] END, '''', '''''') || '''',
                                        ', ' ORDER BY e.o)
                             FROM pg_catalog.regexp_matches(
                                      pg_catalog.substr(c.item, pg_catalog.strpos(c.item, '=') + 1),
                                      '"(?:[^"]|"")*"|[^",[:space:]]+', 'g')
                                  WITH ORDINALITY AS e(m, o))
                       ELSE '''' || pg_catalog.replace(
                                pg_catalog.substr(c.item, pg_catalog.strpos(c.item, '=') + 1),
                                '''', '''''') || '''' END,
               '' ORDER BY c.o) AS lines
    FROM quoted q CROSS JOIN LATERAL pg_catalog.unnest(q.proconfig) WITH ORDINALITY AS c(item, o)
    GROUP BY q.oid
)
SELECT 10 AS ord,
       pg_catalog.concat(
           pg_catalog.format('CREATE %s %s(%s)', q.keyword, q.qname,
                             pg_catalog.pg_get_function_arguments(q.oid)),
           CASE WHEN q.prokind <> 'p'
                THEN ' RETURNS ' || pg_catalog.pg_get_function_result(q.oid) END,
           E'\n    LANGUAGE ' || pg_catalog.quote_ident(q.lanname),
           CASE WHEN pg_catalog.cardinality(q.protrftypes) > 0
                THEN ' TRANSFORM '
                     || (SELECT pg_catalog.string_agg('FOR TYPE ' || pg_catalog.format_type(t, NULL),
                                                      ', ' ORDER BY o)
                         FROM pg_catalog.unnest(q.protrftypes) WITH ORDINALITY AS u(t, o)) END,
           CASE WHEN q.prokind = 'w' THEN ' WINDOW' END,
           CASE q.provolatile WHEN 'i' THEN ' IMMUTABLE' WHEN 's' THEN ' STABLE' END,
           CASE WHEN q.proisstrict THEN ' STRICT' END,
           CASE WHEN q.prosecdef THEN ' SECURITY DEFINER' END,
           CASE WHEN q.proleakproof THEN ' LEAKPROOF' END,
           CASE WHEN q.procost <> 0
                 AND q.procost <> CASE WHEN q.lanname IN ('internal', 'c') THEN 1 ELSE 100 END
                THEN ' COST ' || q.procost END,
           CASE WHEN q.proretset AND q.prorows <> 0 AND q.prorows <> 1000
                THEN ' ROWS ' || q.prorows END,
           CASE WHEN q.prosupport <> 0
                THEN ' SUPPORT ' || q.prosupport::pg_catalog.regproc::text END,
           CASE q.proparallel WHEN 's' THEN ' PARALLEL SAFE' WHEN 'r' THEN ' PARALLEL RESTRICTED' END,
           s.lines,
           E'\n    ',
           CASE WHEN q.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(q.oid)
                WHEN q.probin IS NOT NULL AND q.probin <> '-'
                THEN 'AS ' || q.binlit
                     || CASE WHEN q.prosrc <> ''
                             THEN ', ' || CASE WHEN pg_catalog.strpos(q.prosrc, '''') = 0
                                                AND pg_catalog.strpos(q.prosrc, E'\\') = 0
                                               THEN q.srclit
                                               ELSE q.dq || q.prosrc || q.dq END END
                ELSE 'AS ' || q.dq || q.prosrc || q.dq END,
           ';') AS statement
FROM quoted q LEFT JOIN settings s ON s.oid = q.oid
UNION ALL
SELECT 20, pg_catalog.format('ALTER %s %s OWNER TO %I;', f.keyword, f.signature,
                             pg_catalog.pg_get_userbyid(f.proowner))
FROM fn f
UNION ALL
SELECT 30, pg_catalog.format('COMMENT ON %s %s IS %L;', f.keyword, f.signature, d.description)
FROM fn f JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objoid = f.oid
ORDER BY ord
