-- The time extent of the Analytics dashboard's five tables, in milliseconds since the epoch:
-- the first and the last time with rows (both NULL when every table is empty). min/max use each
-- table's time index; token_consumption counts by day, so its last day ends a day later.
SELECT (extract(epoch FROM min(t)) * 1000)::bigint, (extract(epoch FROM max(t)) * 1000)::bigint
FROM (SELECT min("recorded_at") AS t FROM "persona_analytics"
      UNION ALL SELECT max("recorded_at") FROM "persona_analytics"
      UNION ALL SELECT min("recorded_at") FROM "agent_capability_metrics"
      UNION ALL SELECT max("recorded_at") FROM "agent_capability_metrics"
      UNION ALL SELECT min("recorded_at") FROM "tool_usage_records"
      UNION ALL SELECT max("recorded_at") FROM "tool_usage_records"
      UNION ALL SELECT min("created_at") FROM "ai_interactions"
      UNION ALL SELECT max("created_at") FROM "ai_interactions"
      UNION ALL SELECT min("usage_date")::timestamptz FROM "token_consumption"
      UNION ALL SELECT (max("usage_date") + 1)::timestamptz FROM "token_consumption") s
