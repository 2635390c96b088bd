-- 0017_persona_analytics_day_counts: rows of persona_analytics per (metric_name, UTC day,
-- persona, metric_type), kept exact by statement-level triggers, for the Persona panel's
-- "top N personas by rows in the range" (metrics/sql/persona_rank.sql: whole UTC days from
-- here, the partial days at the range's edges from the rows).
--
-- Why counts per day (and not a 15-minute rollup of count/sum/min/max): the ranking is what
-- a 90-day range costs. On the 10 M-row demo data (hourly and daily series) the ranking read
-- about 900,000 index entries of one metric for 90 days; the series of the ten chosen
-- personas read about 9,000. A 15-minute grain holds at most one row of an hourly or daily
-- series per slot, so it would be as large as the table for that data; a day holds 24.
--
-- Exact: only additions and subtractions of row counts (no min/max to recompute, no read of
-- persona_analytics), so concurrent writers commute: each change is made under the count
-- row's lock and READ COMMITTED re-reads the row after waiting for it. A count that drops to
-- zero is removed. TRUNCATE of persona_analytics truncates it too.
-- Triggers do not fire with session_replication_role = replica (logical replication
-- subscribers, pg_restore --disable-triggers): after such a load, TRUNCATE the counts and
-- run the back-fill at the end of this file again (under the same lock).
CREATE TABLE persona_analytics_day_counts (
    metric_name varchar(255) NOT NULL,
    day         date NOT NULL, -- (recorded_at AT TIME ZONE 'UTC')::date
    persona_id  uuid NOT NULL,
    metric_type persona_analytics_metric_type_enum NOT NULL,
    -- never negative: a delete of rows it never counted (a load that bypassed the triggers)
    -- fails instead of leaving a wrong count behind (see the function)
    n           bigint NOT NULL CONSTRAINT chk_persona_analytics_day_counts_n CHECK (n >= 0),
    -- the rank reads (metric_name, a range of days) as an index-only scan
    CONSTRAINT persona_analytics_day_counts_pkey
        PRIMARY KEY (metric_name, day, persona_id, metric_type) INCLUDE (n)
);

-- Adds the rows of new_rows (INSERT, UPDATE) and subtracts those of old_rows (DELETE,
-- UPDATE) per key; then removes the counts that reached zero. Additions go through INSERT
-- ... ON CONFLICT in key order; subtractions through UPDATE (a CHECK applies to the row an
-- INSERT proposes, before ON CONFLICT, so a negative one would fail there), and a key to
-- subtract from that is not there raises an error: a count never goes wrong silently. (A
-- trigger with transition tables serves one event, so three triggers share this function;
-- each branch names only the transition tables its event has.)
CREATE FUNCTION persona_analytics_day_counts_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    keys bigint;
    updated bigint;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE persona_analytics_day_counts;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO persona_analytics_day_counts AS t (metric_name, day, persona_id, metric_type, n)
        SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date, persona_id, metric_type, count(*)
        FROM new_rows
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (metric_name, day, persona_id, metric_type) DO UPDATE SET n = t.n + excluded.n;
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        WITH d AS (
            SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date AS day, persona_id,
                   metric_type, -count(*) AS n
            FROM old_rows
            GROUP BY 1, 2, 3, 4),
        u AS (
            UPDATE persona_analytics_day_counts t SET n = t.n + d.n
            FROM d
            WHERE t.metric_name = d.metric_name AND t.day = d.day AND t.persona_id = d.persona_id
              AND t.metric_type = d.metric_type
            RETURNING 1)
        SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM u) INTO keys, updated;
    ELSE
        INSERT INTO persona_analytics_day_counts AS t (metric_name, day, persona_id, metric_type, n)
        SELECT metric_name, day, persona_id, metric_type, sum(d)
        FROM (SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date AS day, persona_id,
                     metric_type, 1 AS d
              FROM new_rows
              UNION ALL
              SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date, persona_id, metric_type, -1
              FROM old_rows) c
        GROUP BY 1, 2, 3, 4
        HAVING sum(d) > 0
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (metric_name, day, persona_id, metric_type) DO UPDATE SET n = t.n + excluded.n;
        WITH d AS (
            SELECT metric_name, day, persona_id, metric_type, sum(d) AS n
            FROM (SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date AS day, persona_id,
                         metric_type, 1 AS d
                  FROM new_rows
                  UNION ALL
                  SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date, persona_id,
                         metric_type, -1
                  FROM old_rows) c
            GROUP BY 1, 2, 3, 4
            HAVING sum(d) < 0),
        u AS (
            UPDATE persona_analytics_day_counts t SET n = t.n + d.n
            FROM d
            WHERE t.metric_name = d.metric_name AND t.day = d.day AND t.persona_id = d.persona_id
              AND t.metric_type = d.metric_type
            RETURNING 1)
        SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM u) INTO keys, updated;
    END IF;
    IF updated <> keys THEN
        RAISE EXCEPTION 'persona_analytics_day_counts: % of % day counts to subtract from are missing',
            keys - updated, keys
            USING ERRCODE = 'data_exception',
                  HINT = 'A load bypassed the triggers: rebuild the counts (see migration 0017).';
    END IF;
    DELETE FROM persona_analytics_day_counts t
    USING (SELECT DISTINCT metric_name, (recorded_at AT TIME ZONE 'UTC')::date AS day, persona_id,
                           metric_type
           FROM old_rows) k
    WHERE t.metric_name = k.metric_name AND t.day = k.day AND t.persona_id = k.persona_id
      AND t.metric_type = k.metric_type AND t.n = 0;
    RETURN NULL;
END
$$;

-- Writers wait while the triggers are created and the counts back-filled (one transaction),
-- so no row is counted twice or missed.
LOCK TABLE persona_analytics IN SHARE ROW EXCLUSIVE MODE;
CREATE TRIGGER trg_persona_analytics_day_counts_insert AFTER INSERT ON persona_analytics
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION persona_analytics_day_counts_apply();
CREATE TRIGGER trg_persona_analytics_day_counts_update AFTER UPDATE ON persona_analytics
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION persona_analytics_day_counts_apply();
CREATE TRIGGER trg_persona_analytics_day_counts_delete AFTER DELETE ON persona_analytics
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION persona_analytics_day_counts_apply();
CREATE TRIGGER trg_persona_analytics_day_counts_truncate AFTER TRUNCATE ON persona_analytics
    FOR EACH STATEMENT EXECUTE FUNCTION persona_analytics_day_counts_apply();
INSERT INTO persona_analytics_day_counts (metric_name, day, persona_id, metric_type, n)
SELECT metric_name, (recorded_at AT TIME ZONE 'UTC')::date, persona_id, metric_type, count(*)
FROM persona_analytics
GROUP BY 1, 2, 3, 4;
