-- Demo data: column order = DemoWorkGenerator::writeOperation.
COPY operations (id, type, status, agent_id, user_id, name, description, execution_plan, error,
                 started_at, completed_at, estimated_duration, actual_duration, priority,
                 progress, current_step, total_steps, tags, created_at, updated_at)
FROM STDIN
