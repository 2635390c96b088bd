-- Demo data: column order = DemoConversationGenerator::writeThread.
COPY threads (id, user_id, agent_id, persona_id, discussion_id, title, status, model, tags,
              created_at, updated_at)
FROM STDIN
