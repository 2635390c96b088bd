-- A small connected set of platform rows, all owned by or pointing at one user, so the tests
-- can delete that user and check every ON DELETE rule.
INSERT INTO users (id, email, role, password_hash)
VALUES ('00000000-0000-0000-0000-000000000001', 'owner@example.org', 'admin', 'x'),
       ('00000000-0000-0000-0000-000000000002', 'other@example.org', 'user', 'x');
INSERT INTO refresh_tokens (user_id, token, expires_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'tok-1', now() + interval '1 day');
INSERT INTO security_policies (name, description, policy_data, created_by)
VALUES ('p1', 'policy', '{}', '00000000-0000-0000-0000-000000000001');
INSERT INTO llm_providers (id, name, display_name, provider_type, created_by)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'openai', 'OpenAI', 'openai',
        '00000000-0000-0000-0000-000000000001');
INSERT INTO user_llm_providers (user_id, provider_id, provider_name)
VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'openai');
INSERT INTO personas (id, name, role, description, background, system_prompt, created_by)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'Ada', 'analyst', 'd', 'b', 's',
        '00000000-0000-0000-0000-000000000001');
INSERT INTO agents (id, name, role, persona_id, intelligence_config, security_context, created_by)
VALUES ('00000000-0000-0000-0000-0000000000c1', 'agent-1', 'analyst',
        '00000000-0000-0000-0000-0000000000b1', '{}', '{}', '00000000-0000-0000-0000-000000000001');
INSERT INTO discussions (id, title, topic, settings, turn_strategy, created_by)
VALUES ('00000000-0000-0000-0000-0000000000d1', 't', 'topic', '{}', '{}',
        '00000000-0000-0000-0000-000000000001');
INSERT INTO ai_sessions (id, agent_id, user_id, session_type)
VALUES ('00000000-0000-0000-0000-0000000000e1', gen_random_uuid(),
        '00000000-0000-0000-0000-000000000001', 'reference_coach');
