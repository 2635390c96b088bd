-- 0010_ai_indexes: composite, partial and full-text indexes of the AI system (0009 tables).
-- D7: each column set is indexed once; single-column indexes that would be left prefixes of
-- these composites (ai_prompts.is_active, ai_finetune_datasets.quality_score, session_id,
-- prompt_id, user_id) are not created.

-- ai_prompts: active prompts per model; full-text search over name, description and text.
CREATE INDEX idx_ai_prompts_active_model ON ai_prompts (is_active, model_preference);
-- Generated tsvector so queries read: WHERE search_vector @@ websearch_to_tsquery('english', $1)
ALTER TABLE ai_prompts
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(system_prompt, '')), 'C')
    ) STORED;
CREATE INDEX idx_ai_prompts_search_vector ON ai_prompts USING gin (search_vector);

-- ai_sessions: a user's sessions by type / status, and a user's open sessions.
CREATE INDEX idx_ai_sessions_user_type ON ai_sessions (user_id, session_type);
CREATE INDEX idx_ai_sessions_user_status ON ai_sessions (user_id, status);
CREATE INDEX idx_ai_sessions_active ON ai_sessions (user_id, started_at) WHERE ended_at IS NULL;
CREATE INDEX idx_ai_sessions_prompt_id ON ai_sessions (prompt_id) WHERE prompt_id IS NOT NULL;

-- ai_interactions: a session's / a prompt's interactions in time order, retries, review queue.
CREATE INDEX idx_ai_interactions_session_created ON ai_interactions (session_id, created_at);
CREATE INDEX idx_ai_interactions_prompt_created ON ai_interactions (prompt_id, created_at);
CREATE INDEX idx_ai_interactions_retry_of ON ai_interactions (retry_of_interaction_id)
    WHERE retry_of_interaction_id IS NOT NULL;
CREATE INDEX idx_ai_interactions_flagged ON ai_interactions (created_at) WHERE flagged_for_review;

-- ai_finetune_datasets: training candidates by quality; reviewer FK; tags by containment (N4).
CREATE INDEX idx_ai_finetune_datasets_quality_included
    ON ai_finetune_datasets (quality_score, included_in_training);
CREATE INDEX idx_ai_finetune_datasets_reviewed_by ON ai_finetune_datasets (reviewed_by)
    WHERE reviewed_by IS NOT NULL;
CREATE INDEX idx_ai_finetune_datasets_tags ON ai_finetune_datasets USING gin (tags);
