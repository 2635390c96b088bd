-- Transaction id and multixact wraparound headroom of every database: the age of its oldest
-- unfrozen id, autovacuum_freeze_max_age, and how many ids remain before the server stops
-- taking writes (2^31 minus the 3,000,000 it keeps back).
SELECT d.datname,
       age(d.datfrozenxid) AS xid_age,
       mxid_age(d.datminmxid) AS mxid_age,
       current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
       2147483647 - 3000000 - age(d.datfrozenxid) AS xid_headroom,
       d.datallowconn AS allows_connections
FROM pg_catalog.pg_database d
ORDER BY age(d.datfrozenxid) DESC, d.datname
