-- 0012_conversation_threads down: drops token_consumption, tool_calls, messages, threads,
-- the search_vector trigger function and the enum types.

DROP TABLE token_consumption;
DROP TABLE tool_calls;
DROP TABLE messages;
DROP TABLE threads;

DROP FUNCTION messages_search_vector_refresh();

DROP TYPE tool_calls_status_enum;
DROP TYPE messages_role_enum;
DROP TYPE threads_status_enum;
