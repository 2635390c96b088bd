-- 0005_discussions down: removes the persona_analytics.discussion_id FK, then drops
-- discussion_participants, discussions and their enum types.

ALTER TABLE persona_analytics DROP CONSTRAINT persona_analytics_discussion_id_fkey;

DROP TABLE discussion_participants;
DROP TABLE discussions;

DROP TYPE discussion_participants_role_in_discussion_enum;
DROP TYPE discussion_participants_participant_type_enum;
DROP TYPE discussions_status_enum;
