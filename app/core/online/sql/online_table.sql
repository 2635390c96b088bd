-- The table of an online change ($1: the table as written, each part quoted where needed,
-- resolved with to_regclass and the session's search_path): its oid, schema, name, kind
-- (pg_class.relkind), whether it is a partition or has inheritance parents or children, whether
-- it has a primary key, whether a column of it has grants of its own, and its own enabled row
-- triggers that fire on INSERT or UPDATE (a JSON array of {"name", "before"}, in the order
-- PostgreSQL fires them: by name; internal ones, a constraint's, left out). No row: no such
-- relation.
SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition,
       EXISTS (SELECT FROM pg_catalog.pg_inherits AS i
               WHERE i.inhrelid OPERATOR(pg_catalog.=) c.oid
                  OR i.inhparent OPERATOR(pg_catalog.=) c.oid) AS inherits,
       EXISTS (SELECT FROM pg_catalog.pg_constraint AS k
               WHERE k.conrelid OPERATOR(pg_catalog.=) c.oid
                 AND k.contype OPERATOR(pg_catalog.=) 'p') AS has_primary_key,
       EXISTS (SELECT FROM pg_catalog.pg_attribute AS a
               WHERE a.attrelid OPERATOR(pg_catalog.=) c.oid
                 AND a.attacl IS NOT NULL) AS column_grants,
       (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                   'name', t.tgname,
                   'before', (t.tgtype::pg_catalog.int4 OPERATOR(pg_catalog.&) 2)
                                 OPERATOR(pg_catalog.<>) 0)
                   ORDER BY t.tgname COLLATE "C")::pg_catalog.text
        FROM pg_catalog.pg_trigger AS t
        WHERE t.tgrelid OPERATOR(pg_catalog.=) c.oid
          AND NOT t.tgisinternal
          AND t.tgenabled OPERATOR(pg_catalog.<>) 'D'
          AND (t.tgtype::pg_catalog.int4 OPERATOR(pg_catalog.&) 1) OPERATOR(pg_catalog.<>) 0
          AND (t.tgtype::pg_catalog.int4 OPERATOR(pg_catalog.&) 20) OPERATOR(pg_catalog.<>) 0)
           AS row_triggers
FROM pg_catalog.pg_class AS c
JOIN pg_catalog.pg_namespace AS n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($1::pg_catalog.text)
