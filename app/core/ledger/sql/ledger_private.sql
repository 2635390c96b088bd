-- The ledger the console makes (or completes) is its alone to write (ledger_trust.sql): what
-- PUBLIC or a role other than its owner holds on the schema uaip_ledger and its relations beyond
-- reading (given by the owner's default privileges, ALTER DEFAULT PRIVILEGES ... GRANT ALL ON
-- TABLES TO an application role) is taken back, in the transaction that makes it (Ledger::upgrade:
-- after the schema, and again after its relations, before COMMIT). Reading is kept.
DO $private$
DECLARE
    taken record;
BEGIN
    FOR taken IN
        SELECT 'REVOKE ' || a.privilege_type || ' ON SCHEMA '
                   || pg_catalog.quote_ident(n.nspname) || ' FROM '
                   || CASE a.grantee WHEN 0 THEN 'PUBLIC'
                      ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END
                   AS command
        FROM pg_catalog.pg_namespace n,
             LATERAL pg_catalog.aclexplode(n.nspacl) a
        WHERE n.nspname = 'uaip_ledger' AND a.privilege_type <> 'USAGE'
          AND a.grantee <> n.nspowner
        UNION ALL
        SELECT 'REVOKE ' || a.privilege_type || ' ON '
                   || CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END
                   || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
                   || ' FROM '
                   || CASE a.grantee WHEN 0 THEN 'PUBLIC'
                      ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace,
             LATERAL pg_catalog.aclexplode(c.relacl) a
        WHERE n.nspname = 'uaip_ledger' AND a.privilege_type <> 'SELECT'
          AND NOT (c.relkind = 'S' AND a.privilege_type = 'USAGE')
          AND a.grantee <> c.relowner
    LOOP
        EXECUTE taken.command;
    END LOOP;
END
$private$
