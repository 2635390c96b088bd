-- The Persona panel's rank.sql: the personas with rows of metric $5 (and type $4, NULL = any)
-- in [$1, $2), by rows, largest first, the top $7 (NULL = all); $6 the personas to keep (NULL
-- = all). The same answer as rank.sql over persona_rows.sql, but whole UTC days are counted
-- from persona_analytics_day_counts (migration 0017, exact: kept by triggers) and only the
-- partial days at the edges from the rows: with c = the first UTC midnight at or after $1 and
-- f = the last at or before $2, rows in [$1, least($2, c)) and [greatest(f, c), $2), counts of
-- the days in [c, f). (Within one day c > f: the rows of [$1, $2), no counts.) c and f are written out in
-- each branch (not a CTE) so they bound the index scans as constants.
WITH r AS (
    SELECT d.persona_id AS id, d.n
    FROM persona_analytics_day_counts d
    WHERE d.metric_name = $5::text
      AND d.day >= ((($1::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond')::date + 1)
      AND d.day < ($2::timestamptz AT TIME ZONE 'UTC')::date
      AND ($4::text IS NULL OR d.metric_type = $4::text::persona_analytics_metric_type_enum)
      AND ($6::text[] IS NULL OR d.persona_id = ANY ($6::text[]::uuid[]))
    UNION ALL
    SELECT t.persona_id, 1
    FROM persona_analytics t
    WHERE t.metric_name = $5::text
      AND t.recorded_at >= $1::timestamptz
      AND t.recorded_at < least($2::timestamptz, ((($1::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond')::date + 1)::timestamp AT TIME ZONE 'UTC')
      AND ($4::text IS NULL OR t.metric_type = $4::text::persona_analytics_metric_type_enum)
      AND ($6::text[] IS NULL OR t.persona_id = ANY ($6::text[]::uuid[]))
    UNION ALL
    SELECT t.persona_id, 1
    FROM persona_analytics t
    WHERE t.metric_name = $5::text
      AND t.recorded_at >= greatest($1::timestamptz,
                                    greatest(($2::timestamptz AT TIME ZONE 'UTC')::date, ((($1::timestamptz AT TIME ZONE 'UTC') - interval '1 microsecond')::date + 1))::timestamp AT TIME ZONE 'UTC')
      AND t.recorded_at < $2::timestamptz
      AND ($4::text IS NULL OR t.metric_type = $4::text::persona_analytics_metric_type_enum)
      AND ($6::text[] IS NULL OR t.persona_id = ANY ($6::text[]::uuid[]))
)
SELECT r.id::text AS key, sum(r.n)::bigint AS volume
FROM r
GROUP BY r.id
HAVING $3::text IS NOT NULL
ORDER BY volume DESC, r.id
LIMIT $7::bigint
