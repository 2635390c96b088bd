-- The columns pg_qualstats saw the statements $1 (a JSON array of queryids) compare in this
-- database, on either side of a qual: each one's statement, its table's schema and name, the
-- column, and whether it was compared for equality. The extension's schema is put in where its
-- function is named.
SELECT q.queryid::text AS queryid,
       n.nspname::text AS nspname,
       c.relname::text AS relname,
       a.attname::text AS attname,
       pg_catalog.bool_or(o.oprname = '=') AS equality
FROM %SCHEMA%.pg_qualstats() q
CROSS JOIN LATERAL (VALUES (q.lrelid, q.lattnum), (q.rrelid, q.rattnum)) s(relid, attnum)
JOIN pg_catalog.pg_class c ON c.oid = s.relid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = s.relid AND a.attnum = s.attnum
LEFT JOIN pg_catalog.pg_operator o ON o.oid = q.opno
WHERE q.dbid = (SELECT d.oid FROM pg_catalog.pg_database d
                WHERE d.datname = pg_catalog.current_database())
  AND q.queryid::text IN (SELECT pg_catalog.json_array_elements_text($1::json))
  AND s.attnum > 0
  AND NOT a.attisdropped
GROUP BY q.queryid, n.nspname, c.relname, a.attname, a.attnum
ORDER BY q.queryid, n.nspname, c.relname, a.attnum
