-- Demo data: column order = DemoConversationGenerator::writeContext.
COPY conversation_contexts (id, agent_id, user_id, session_id, context_type, title, context_data,
                            context_window_size, last_accessed_at, access_count, created_at,
                            updated_at)
FROM STDIN
