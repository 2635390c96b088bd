-- One relation by schema and name ($1, $2): oid, kind and row estimate, and what the current
-- role may do with its rows (any column for INSERT and UPDATE; columns_first.sql has each
-- column's own privileges), and the role's name for the reason when it may not.
SELECT c.oid, c.relkind::text AS kind, c.reltuples::bigint AS estimate,
       pg_catalog.has_any_column_privilege(c.oid, 'INSERT') AS may_insert,
       pg_catalog.has_any_column_privilege(c.oid, 'UPDATE') AS may_update,
       pg_catalog.has_table_privilege(c.oid, 'DELETE') AS may_delete,
       current_user AS role_name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2
