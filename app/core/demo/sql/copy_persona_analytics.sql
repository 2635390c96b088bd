-- Demo data: column order = DemoSeriesGenerator::writePersonaPoint.
COPY persona_analytics (id, persona_id, metric_type, metric_name, metric_value, metric_unit,
                        dimensions, user_id, agent_id, time_period_start, time_period_end,
                        aggregation_level, data_quality, confidence_score, sample_size,
                        recorded_at, created_at, updated_at)
FROM STDIN
