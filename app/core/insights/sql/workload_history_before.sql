-- The workload history's last sample with statements taken before the last apply of version $1
-- (the baseline of `insights since` where no run kept a snapshot): when it was taken and when
-- the version was applied (UTC), since when pg_stat_statements counted then, and its statements
-- with their counters and texts (a JSON array of objects: queryid, query, user, calls, total_ms,
-- rows). No row: no such apply, or no sample before it.
SELECT s.id,
       to_char(s.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS taken_at,
       to_char(e.happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS applied_at,
       s.stats_since,
       coalesce((SELECT json_agg(json_build_object('queryid', st.queryid, 'query', t.query,
                                                   'user', t.username, 'calls', st.calls,
                                                   'total_ms', st.total_ms, 'rows', st.rows)
                                 ORDER BY st.total_ms DESC)
                 FROM uaip_ledger.uaip_workload_history_statements st
                 LEFT JOIN uaip_ledger.uaip_workload_history_texts t ON t.queryid = st.queryid
                 WHERE st.sample_id = s.id), '[]'::json)::text AS queries
FROM (SELECT ev.happened_at
      FROM uaip_ledger.uaip_migration_events ev
      WHERE ev.version = $1 AND ev.action = 'apply' AND ev.outcome = 'ok'
      ORDER BY ev.happened_at DESC
      LIMIT 1) e
JOIN LATERAL (SELECT h.*
              FROM uaip_ledger.uaip_workload_history_samples h
              WHERE h.statements_recorded AND h.taken_at <= e.happened_at
              ORDER BY h.taken_at DESC
              LIMIT 1) s ON true
