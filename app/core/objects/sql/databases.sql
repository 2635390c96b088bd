-- The object browser's top level (ObjectCatalog::databases): the server's databases other than
-- the templates, the session's own first, then by name; for each whether it accepts
-- connections (datallowconn) and whether the role has CONNECT on it. has_database_privilege
-- by oid answers NULL for a database dropped meanwhile (a concurrent DROP DATABASE): counted as
-- no privilege, never an error.
SELECT d.oid, d.datname AS name,
       d.datname = pg_catalog.current_database() AS current,
       d.datallowconn AS allows_connections,
       coalesce(pg_catalog.has_database_privilege(d.oid, 'CONNECT'), false) AS may_connect,
       pg_catalog.shobj_description(d.oid, 'pg_database') AS comment
FROM pg_catalog.pg_database d
WHERE NOT d.datistemplate
ORDER BY d.datname = pg_catalog.current_database() DESC, d.datname
