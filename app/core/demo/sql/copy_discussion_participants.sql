-- Demo data: column order = DemoEntityGenerator::writeParticipant.
COPY discussion_participants (id, discussion_id, participant_type, participant_id, persona_id,
                              agent_id, user_id, display_name, role_in_discussion, turn_order,
                              can_moderate, joined_at, last_active_at, total_messages,
                              total_words, average_response_time, engagement_score,
                              contribution_quality, created_at, updated_at)
FROM STDIN
