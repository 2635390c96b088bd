-- 0017_persona_analytics_day_counts down: drops the day counts, their triggers and function.
DROP TRIGGER trg_persona_analytics_day_counts_truncate ON persona_analytics;
DROP TRIGGER trg_persona_analytics_day_counts_delete ON persona_analytics;
DROP TRIGGER trg_persona_analytics_day_counts_update ON persona_analytics;
DROP TRIGGER trg_persona_analytics_day_counts_insert ON persona_analytics;
DROP FUNCTION persona_analytics_day_counts_apply();
DROP TABLE persona_analytics_day_counts;
