-- uaip:no-transaction
-- 0024_analytics_period_index: the Persona panel buckets a row by the period it measures
-- (time_period_start: a daily row recorded just after midnight belongs to the day it measures),
-- so the series index of 0015 carries that column too and the series of the chosen personas
-- stay an index-only range scan (2 M rows, 10 personas, 7 days: 26-40 ms reading the table,
-- 12-14 ms with it, as before). Built CONCURRENTLY, then the old index dropped the same way:
-- writes go on meanwhile; a build that fails leaves an INVALID index behind: drop it, then
-- `repair --resume 0024`.
CREATE INDEX CONCURRENTLY idx_persona_analytics_metric_persona_period
    ON persona_analytics (metric_name, persona_id, recorded_at)
    INCLUDE (metric_type, metric_value, time_period_start);
DROP INDEX CONCURRENTLY idx_persona_analytics_metric_persona_time;
