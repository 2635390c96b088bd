-- Whether DDL in this database can run user code (an enabled event trigger): then every
-- migration's session is reset, even one of only DROP, COMMENT, GRANT and REVOKE statements.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtenabled <> 'D')
