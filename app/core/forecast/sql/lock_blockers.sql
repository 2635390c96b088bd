-- The sessions whose locks a migration statement waited behind, read right after it gave up on
-- its lock: every other session that holds, or waits ahead in the queue for, a lock on one of
-- the relations the statement locks ($1, a text[] of names as the statement writes them: a
-- qualified one resolved with to_regclass, an unqualified one matched in every schema, since the
-- migration may have set its own search_path; an index stands for its table) in a mode that
-- conflicts with the
-- statement's ($2, a text[] parallel to $1: the conflicting modes as pg_locks names them,
-- separated by commas). A prepared transaction holds its locks without a session (pid NULL):
-- its gid, owner, database and prepared time (pg_prepared_xacts). hidden: this role may not see
-- the session's state and query (another role's, without pg_read_all_stats).
-- Oldest transaction first, at most 10.
SELECT l.pid,
       coalesce(a.usename, px.owner::pg_catalog.text, '') AS usename,
       coalesce(a.application_name, '') AS application_name,
       coalesce(a.state, '') AS state,
       coalesce((pg_catalog.date_part('epoch', pg_catalog.now() OPERATOR(pg_catalog.-)
                                               coalesce(a.xact_start, px.prepared))
                 OPERATOR(pg_catalog.*) 1000)::bigint, -1) AS xact_ms,
       coalesce(pg_catalog.to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                '') AS query_start,
       t.oid::pg_catalog.regclass::pg_catalog.text AS relation,
       l.mode,
       NOT l.granted AS waiting,
       coalesce(px.gid, '') AS gid,
       coalesce(px.database::pg_catalog.text, '') AS prepared_database,
       coalesce(pg_catalog.to_char(px.prepared AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                '') AS prepared_at,
       coalesce(a.query OPERATOR(pg_catalog.=) '<insufficient privilege>', false) AS hidden
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[]))
     AS n(name, conflicts)
CROSS JOIN LATERAL pg_catalog.parse_ident(n.name) AS p(parts)
JOIN pg_catalog.pg_class AS r
  ON CASE WHEN pg_catalog.array_length(p.parts, 1) OPERATOR(pg_catalog.=) 1
          THEN r.relname OPERATOR(pg_catalog.=) p.parts[1]
          ELSE r.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(n.name) END
LEFT JOIN pg_catalog.pg_index AS i ON i.indexrelid OPERATOR(pg_catalog.=) r.oid
CROSS JOIN LATERAL (SELECT COALESCE(i.indrelid, r.oid) AS oid) AS t
JOIN pg_catalog.pg_locks AS l
  ON l.locktype OPERATOR(pg_catalog.=) 'relation'
 AND l.relation OPERATOR(pg_catalog.=) t.oid
 AND l.database OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database AS d
                                        WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
 AND l.mode OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(n.conflicts, ','))
LEFT JOIN pg_catalog.pg_stat_activity AS a ON a.pid OPERATOR(pg_catalog.=) l.pid
-- a prepared transaction's locks have no pid; their virtual transaction also holds its own
-- transaction id's ExclusiveLock, which names it in pg_prepared_xacts
LEFT JOIN LATERAL (SELECT x.transactionid
                   FROM pg_catalog.pg_locks AS x
                   WHERE l.pid IS NULL AND x.pid IS NULL
                     AND x.locktype OPERATOR(pg_catalog.=) 'transactionid'
                     AND x.mode OPERATOR(pg_catalog.=) 'ExclusiveLock'
                     AND x.virtualtransaction OPERATOR(pg_catalog.=) l.virtualtransaction
                   LIMIT 1) AS own ON true
LEFT JOIN pg_catalog.pg_prepared_xacts AS px
  ON px.transaction OPERATOR(pg_catalog.=) own.transactionid
WHERE t.oid IS NOT NULL
  AND l.pid IS DISTINCT FROM pg_catalog.pg_backend_pid()
ORDER BY coalesce(a.xact_start, px.prepared) NULLS LAST, l.pid
LIMIT 10
