-- A string literal is read by its type's input function while the server parses the statement
-- (a composite's, an array's or a range's reads each element the same way), and a domain's
-- input checks the domain's CHECK constraints there and then: before anything of the statement
-- can be judged. So while a domain's CHECK calls a function outside pg_catalog (whatever it is
-- declared: a STABLE body may do anything), a VOLATILE one of pg_catalog (other than the reading
-- ones, $1), a function that runs SQL it is given ($2: QueryRunningFunctions) or one that makes
-- json of any value while a cast to json of a function outside pg_catalog exists, a statement
-- holding a string literal is not parsed by the probe. The first such domain and the
-- function (read from the CHECK's stored tree, an operator through its function); no row when
-- none.
SELECT pg_catalog.format_type(c.contypid, NULL) AS domain,
       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) AS function
  FROM pg_catalog.pg_constraint c,
       LATERAL pg_catalog.regexp_matches(c.conbin::pg_catalog.text,
                                         ' :(funcid|opfuncid|opno) ([0-9]+)', 'g') AS m(f)
  LEFT JOIN pg_catalog.pg_operator o
         ON m.f[1] OPERATOR(pg_catalog.=) 'opno'
        AND o.oid OPERATOR(pg_catalog.=) m.f[2]::pg_catalog.oid
  JOIN pg_catalog.pg_proc p
    ON p.oid OPERATOR(pg_catalog.=) CASE WHEN m.f[1] OPERATOR(pg_catalog.=) 'opno'
                                         THEN o.oprcode::pg_catalog.oid
                                         ELSE m.f[2]::pg_catalog.oid END
  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
 WHERE c.contypid OPERATOR(pg_catalog.<>) 0::pg_catalog.oid
   AND (n.nspname OPERATOR(pg_catalog.<>) 'pg_catalog'
        OR (n.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
         AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
             SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb
                        OPERATOR(pg_catalog.->) 'names'))::pg_catalog.name[]))
        OR p.proname::pg_catalog.text OPERATOR(pg_catalog.~~) ANY (ARRAY(
             SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb
                        OPERATOR(pg_catalog.->) 'prefixes') OPERATOR(pg_catalog.||) '%'))
        OR (p.probin IS NOT NULL
            AND pg_catalog.concat(pg_catalog.regexp_replace(p.probin, '^.*/|[.]so$', '', 'g'), ':',
                                  p.prosrc)
                OPERATOR(pg_catalog.~~) ANY (ARRAY(
                    SELECT pg_catalog.jsonb_array_elements_text($2::pg_catalog.jsonb
                               OPERATOR(pg_catalog.->) 'symbols') OPERATOR(pg_catalog.||) '%')))
        -- json of any value, while a cast to json of someone's own function exists
        OR (n.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
                        AND p.prorettype OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.json'::pg_catalog.regtype,
                                                      'pg_catalog.jsonb'::pg_catalog.regtype]::pg_catalog.oid[])
                        AND EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proargtypes) AS a(t)
                                     WHERE a.t OPERATOR(pg_catalog.=) ANY (ARRAY[
                                         'pg_catalog.anyelement'::pg_catalog.regtype,
                                         'pg_catalog.anyarray'::pg_catalog.regtype,
                                         'pg_catalog.anynonarray'::pg_catalog.regtype,
                                         'pg_catalog.anycompatible'::pg_catalog.regtype,
                                         'pg_catalog.anycompatiblearray'::pg_catalog.regtype,
                                         'pg_catalog.anycompatiblenonarray'::pg_catalog.regtype,
                                         'pg_catalog.record'::pg_catalog.regtype,
                                         'pg_catalog."any"'::pg_catalog.regtype]::pg_catalog.oid[]))
                        AND EXISTS (SELECT 1 FROM pg_catalog.pg_cast k
                                      JOIN pg_catalog.pg_proc kf ON kf.oid OPERATOR(pg_catalog.=) k.castfunc
                                     WHERE k.casttarget OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.json'::pg_catalog.regtype,
                                                                 'pg_catalog.jsonb'::pg_catalog.regtype]::pg_catalog.oid[])
                                       AND kf.pronamespace OPERATOR(pg_catalog.<>) 'pg_catalog'::pg_catalog.regnamespace))
        OR (p.provolatile OPERATOR(pg_catalog.=) 'v'
            AND NOT (n.nspname OPERATOR(pg_catalog.=) 'pg_catalog'
                     AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY(
                         SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb))::pg_catalog.name[]))))
 ORDER BY 1, 2
 LIMIT 1
