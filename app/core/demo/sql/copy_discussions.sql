-- Demo data: column order = DemoEntityGenerator::writeDiscussion.
COPY discussions (id, title, topic, description, settings, turn_strategy, status, visibility,
                  created_by, started_at, ended_at, estimated_duration, actual_duration, tags,
                  objectives, created_at, updated_at)
FROM STDIN
