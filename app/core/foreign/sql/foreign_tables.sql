-- The tables of the given names ($1, one per line), or with a column of the names $2 (one per
-- line: the first column of a tool's shape, which is looked for under any name), in the schemas
-- of the search path, first
-- schema first, with their columns as "name type" (format_type), a JSON array in column order
-- (a column's name may hold a line break): the detector compares them with each tool's shape
-- (its columns first, in its order). With each its owner, and whether the history it holds is
-- the connected role's to believe, as the ledger's is (ledger_trust.sql): the table and every
-- table that inherits from it or is a partition of it (a read of the table reads theirs too)
-- owned by a superuser, the connected role or a role that has its privileges already, and
-- none of them writable (INSERT, UPDATE, DELETE, TRUNCATE) by another role or PUBLIC.
-- untrusted_relation and untrusted_owner name the first that is not (untrusted_is_part: a table
-- of it, not the table itself; untrusted_writes: the role named may write it, not own it), NULL
-- when all are; qualified_name: the table as SQL names it;
-- table_oid: the table's, for the schema comparisons that leave it out (SchemaSnapshot::take).
WITH RECURSIVE found AS (
    SELECT c.oid, n.nspname, c.relname, c.relowner
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname = ANY (pg_catalog.current_schemas(false))
      AND (c.relname = ANY (pg_catalog.string_to_array($1::text, E'\n'))
           -- or, under any name, a column that starts a tool's shape ($2, one per line), in a
           -- table that is no part of another (a table of a history is read with it)
           OR (NOT c.relispartition
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits AS h
                               WHERE h.inhrelid = c.oid)
               AND EXISTS (SELECT 1
                           FROM pg_catalog.pg_attribute AS a
                           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                             AND a.attname
                                 = ANY (pg_catalog.string_to_array($2::text, E'\n')))))
),
tree AS (
    SELECT f.oid AS root, f.oid AS rel, 0 AS depth
    FROM found AS f
    UNION
    SELECT t.root, i.inhrelid, t.depth + 1
    FROM tree AS t
    JOIN pg_catalog.pg_inherits AS i ON i.inhparent = t.rel
),
untrusted AS (
    SELECT t.root, t.depth,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
               AS relation,
           r.rolname AS owner, false AS writes
    FROM tree AS t
    JOIN pg_catalog.pg_class AS c ON c.oid = t.rel
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_roles AS r ON r.oid = c.relowner
    WHERE NOT r.rolsuper
      AND r.rolname <> current_user
      AND NOT pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')
    UNION ALL
    SELECT t.root, t.depth,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
           coalesce(r.rolname, 'PUBLIC'), true
    FROM tree AS t
    JOIN pg_catalog.pg_class AS c ON c.oid = t.rel
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) AS g
    LEFT JOIN pg_catalog.pg_roles AS r ON r.oid = g.grantee
    WHERE g.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
      AND g.grantee <> c.relowner
      AND (g.grantee = 0
           OR (NOT r.rolsuper AND r.rolname <> current_user
               AND NOT pg_catalog.pg_has_role(r.oid, current_user, 'USAGE')))
)
SELECT f.nspname AS schema_name, f.relname AS table_name, f.oid AS table_oid,
       (SELECT pg_catalog.json_agg(a.attname || ' '
                                   || pg_catalog.format_type(a.atttypid, a.atttypmod)
                                   ORDER BY a.attnum)::text
        FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = f.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
       pg_catalog.quote_ident(f.nspname) || '.' || pg_catalog.quote_ident(f.relname)
           AS qualified_name,
       o.rolname AS owner,
       u.relation AS untrusted_relation, u.owner AS untrusted_owner,
       u.depth > 0 AS untrusted_is_part, u.writes AS untrusted_writes
FROM found AS f
JOIN pg_catalog.pg_roles AS o ON o.oid = f.relowner
LEFT JOIN LATERAL (
    SELECT x.relation, x.owner, x.depth, x.writes
    FROM untrusted AS x
    WHERE x.root = f.oid
    ORDER BY x.depth, x.relation, x.writes, x.owner
    LIMIT 1
) AS u ON true
ORDER BY pg_catalog.array_position(pg_catalog.current_schemas(false), f.nspname::text),
         f.relname
