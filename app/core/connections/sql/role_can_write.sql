-- Whether the connected role can write in this database (the connection test says so: a role
-- that cannot is the strongest guard of a read-only profile): superuser, the tables it may
-- INSERT, UPDATE, DELETE or TRUNCATE, the schemas it may CREATE in.
SELECT r.rolsuper,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
         WHERE c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'p']::"char"[])
           AND n.nspname OPERATOR(pg_catalog.<>) ALL (ARRAY['pg_catalog', 'information_schema']::name[])
           AND pg_catalog.has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE'))
           AS writable_tables,
       (SELECT pg_catalog.count(*) FROM pg_catalog.pg_namespace n
         WHERE n.nspname OPERATOR(pg_catalog.<>) ALL (ARRAY['pg_catalog', 'information_schema']::name[])
           AND n.nspname::pg_catalog.text NOT LIKE E'pg\\_%'
           AND pg_catalog.has_schema_privilege(n.oid, 'CREATE')) AS creatable_schemas
  FROM pg_catalog.pg_roles r
 WHERE r.rolname OPERATOR(pg_catalog.=) current_user
