-- Demo data: column order = DemoSeriesGenerator::writeAgentPoint.
COPY agent_capability_metrics (id, agent_id, capability_name, metric_type, metric_value,
                               metric_unit, baseline_value, target_value, trend_direction,
                               confidence_score, sample_size, measurement_period_start,
                               measurement_period_end, context, recorded_at, created_at,
                               updated_at)
FROM STDIN
