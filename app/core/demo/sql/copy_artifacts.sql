-- Demo data: column order = DemoWorkGenerator::writeArtifact.
COPY artifacts (id, type, content, title, description, language, operation_id, conversation_id,
                generated_by, generated_at, generator, confidence, validation_status, status,
                content_size_bytes, line_count, tags, created_at, updated_at)
FROM STDIN
