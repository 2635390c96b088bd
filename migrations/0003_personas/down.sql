-- 0003_personas down: drops persona_analytics, personas and their enum types.

DROP TABLE persona_analytics;
DROP TABLE personas;

DROP TYPE persona_analytics_data_quality_enum;
DROP TYPE persona_analytics_aggregation_level_enum;
DROP TYPE persona_analytics_metric_type_enum;
DROP TYPE personas_status_enum;
DROP TYPE personas_energy_level_enum;
DROP TYPE personas_style_enum;
DROP TYPE personas_tone_enum;
