-- Which of the relations $1 (an array of oids) this session's transaction holds no granted lock on (VerdictHold).
SELECT r.oid
  FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS r(oid)
 WHERE NOT EXISTS (SELECT 1
                     FROM pg_catalog.pg_locks l
                    WHERE l.locktype OPERATOR(pg_catalog.=) 'relation'
                      AND l.pid OPERATOR(pg_catalog.=) pg_catalog.pg_backend_pid()
                      AND l.granted
                      AND l.database OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                                                              WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
                      AND l.relation OPERATOR(pg_catalog.=) r.oid)
