-- The tables a workload's statements read, by the names they were written with ($1: a JSON
-- array of names, resolved under this session's search_path): each one's oid, schema, name,
-- kind, rows as estimated, and its columns (a JSON array). Names that are not a table, view or
-- foreign table here (a CTE's, a function's) give no row.
SELECT w.name,
       c.oid::bigint AS oid,
       n.nspname,
       c.relname,
       c.relkind::text AS relkind,
       greatest(c.reltuples, 0)::bigint AS rows,
       (SELECT json_agg(a.attname::text ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)::text AS columns
FROM json_array_elements_text($1::json) w(name)
JOIN pg_catalog.pg_class c ON c.oid = to_regclass(w.name)
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm', 'p', 'v', 'f')
