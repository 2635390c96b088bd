-- The columns of relation $1.$2 (schema, name) in order, as much as the first page needs and
-- no more (issue 21, point 16: a new session reads each catalog it touches for the first time,
-- so the first page waits only for pg_attribute, pg_type and pg_index): type without and with
-- modifier (format_type quotes as needed), the base type behind a domain, generated /
-- identity / NOT NULL, numeric precision and scale (PostgreSQL's typmod layout: the scale is
-- 11 bits, signed since 15; a domain's own typmod), varchar length, and the column's place in
-- the primary key (1-based, NULL when not in it), and whether the current role may INSERT and
-- UPDATE it. column_details.sql has the rest.
WITH rel AS (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relname = $2),
pk AS (SELECT i.indkey::int2[] AS keys FROM pg_index i
       WHERE i.indrelid = (SELECT oid FROM rel) AND i.indisprimary)
SELECT a.attname AS name,
       format_type(a.atttypid, NULL) AS type_name,
       format_type(a.atttypid, a.atttypmod) AS display_type,
       bt.typname AS base_type,
       bt.typtype::text AS type_type,
       bt.typcategory::text AS type_category,
       a.attgenerated <> '' AS generated,
       a.attidentity::text AS identity,
       a.attnotnull AS not_null,
       CASE WHEN bt.typname = 'numeric' AND m.typmod >= 4
            THEN ((m.typmod - 4) >> 16) & 65535 END AS numeric_precision,
       CASE WHEN bt.typname = 'numeric' AND m.typmod >= 4
            THEN (((m.typmod - 4) & 2047) # 1024) - 1024 END AS numeric_scale,
       CASE WHEN bt.typname IN ('varchar', 'bpchar') AND m.typmod >= 4
            THEN m.typmod - 4 END AS max_length,
       array_position((SELECT keys FROM pk), a.attnum) AS pk_position,
       pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'INSERT') AS may_insert,
       pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'UPDATE') AS may_update
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
CROSS JOIN LATERAL (SELECT CASE WHEN t.typtype = 'd' AND a.atttypmod < 0 THEN t.typtypmod
                                ELSE a.atttypmod END AS typmod) m
WHERE a.attrelid = (SELECT oid FROM rel) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
