-- What the console makes in the schema uaip_ledger (the ledger, the workload history, the
-- online baselines) is its alone to write (ledger_trust.sql): what PUBLIC or a role other than
-- the owner holds on the schema and its relations beyond reading (given by the owner's default
-- privileges, ALTER DEFAULT PRIVILEGES ... GRANT ALL ON TABLES TO an application role) is taken
-- back right after they are made (LedgerTrust::keepPrivate; Ledger::upgrade in the ledger's own
-- transaction, after the schema and again before COMMIT). Reading is kept. Every name is
-- pg_catalog's and every operator OPERATOR(pg_catalog.x): it may run under the session's
-- search_path.
DO $private$
DECLARE
    taken record;
BEGIN
    FOR taken IN
        SELECT pg_catalog.concat('REVOKE ', a.privilege_type, ' ON SCHEMA ',
                                 pg_catalog.quote_ident(n.nspname), ' FROM ',
                                 CASE WHEN a.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid
                                      THEN 'PUBLIC'
                                      ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee))
                                 END, ' CASCADE') AS command
        FROM pg_catalog.pg_namespace n,
             LATERAL pg_catalog.aclexplode(n.nspacl) a
        WHERE n.nspname OPERATOR(pg_catalog.=) 'uaip_ledger'
          AND a.privilege_type OPERATOR(pg_catalog.<>) 'USAGE'
          AND a.grantee OPERATOR(pg_catalog.<>) n.nspowner
        UNION ALL
        SELECT pg_catalog.concat('REVOKE ', a.privilege_type, ' ON ',
                                 CASE WHEN c.relkind OPERATOR(pg_catalog.=) 'S' THEN 'SEQUENCE '
                                      ELSE 'TABLE ' END,
                                 pg_catalog.quote_ident(n.nspname), '.',
                                 pg_catalog.quote_ident(c.relname), ' FROM ',
                                 CASE WHEN a.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid
                                      THEN 'PUBLIC'
                                      ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee))
                                 END, ' CASCADE')
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace,
             LATERAL pg_catalog.aclexplode(c.relacl) a
        WHERE n.nspname OPERATOR(pg_catalog.=) 'uaip_ledger'
          AND a.privilege_type OPERATOR(pg_catalog.<>) 'SELECT'
          AND NOT (c.relkind OPERATOR(pg_catalog.=) 'S'
                   AND a.privilege_type OPERATOR(pg_catalog.=) 'USAGE')
          AND a.grantee OPERATOR(pg_catalog.<>) c.relowner
    LOOP
        EXECUTE taken.command;
    END LOOP;
END
$private$
