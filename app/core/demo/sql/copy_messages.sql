-- Demo data: column order = DemoConversationGenerator::writeMessage. search_vector is filled
-- by the table's trigger.
COPY messages (id, thread_id, parent_message_id, role, author_user_id, agent_id, content, model,
               input_tokens, output_tokens, finish_reason, created_at, updated_at)
FROM STDIN
