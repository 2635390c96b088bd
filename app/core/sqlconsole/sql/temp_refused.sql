-- Whether the console's role may not create temporary objects in this database (no TEMP
-- privilege, as after REVOKE TEMP ON DATABASE ... FROM PUBLIC): then the read-only guard's
-- probe, a temporary view, cannot be made and StatementSafety judges by names instead. Asked
-- after a probe view failed with insufficient_privilege, never from the message's words (they
-- may be translated).
SELECT NOT pg_catalog.has_database_privilege(pg_catalog.current_database(), 'TEMP')
