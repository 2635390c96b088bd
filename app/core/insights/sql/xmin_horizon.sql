-- What holds back the xmin horizon (what vacuum may remove): sessions with a snapshot or a
-- transaction id (every database's: the horizon is the cluster's), replication slots with an
-- xmin or catalog_xmin, prepared transactions, standbys' hot_standby_feedback. Each with its
-- age in transactions and, where known, in time (ms); the oldest first.
SELECT 'session' AS kind,
       a.pid::text AS name,
       coalesce(a.usename, '') AS owner,
       coalesce(a.datname, '') AS datname,
       coalesce(a.application_name, '') AS application_name,
       coalesce(a.state, '') AS state,
       greatest(age(a.backend_xmin), age(a.backend_xid)) AS xmin_age,
       (extract(epoch FROM now() - a.xact_start) * 1000)::bigint AS age_ms,
       coalesce(a.query, '') AS detail
FROM pg_catalog.pg_stat_activity a
WHERE (a.backend_xmin IS NOT NULL OR a.backend_xid IS NOT NULL)
  AND a.pid <> pg_backend_pid()
  AND a.backend_type = 'client backend'
UNION ALL
SELECT 'slot',
       r.slot_name::text,
       '',
       coalesce(r.database::text, ''),
       '',
       CASE WHEN r.active THEN 'active' ELSE 'inactive' END,
       greatest(age(r.xmin), age(r.catalog_xmin)),
       NULL,
       r.slot_type
FROM pg_catalog.pg_replication_slots r
WHERE r.xmin IS NOT NULL OR r.catalog_xmin IS NOT NULL
UNION ALL
SELECT 'prepared',
       p.gid,
       p.owner::text,
       p.database::text,
       '',
       '',
       age(p.transaction),
       (extract(epoch FROM now() - p.prepared) * 1000)::bigint,
       ''
FROM pg_catalog.pg_prepared_xacts p
UNION ALL
SELECT 'standby',
       coalesce(nullif(w.application_name, ''), host(w.client_addr), w.pid::text),
       coalesce(w.usename::text, ''),
       '',
       coalesce(w.application_name, ''),
       coalesce(w.state, ''),
       age(w.backend_xmin),
       NULL,
       coalesce(host(w.client_addr), '')
FROM pg_catalog.pg_stat_replication w
WHERE w.backend_xmin IS NOT NULL
ORDER BY 7 DESC, 1, 2
