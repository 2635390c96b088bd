-- 0008_artifacts: artifacts, artifact_deployments, artifact_reviews.
-- N10/N11: id columns are uuid with FKs; user references are nullable with ON DELETE SET NULL
-- (same rule as N2), rows describing an artifact CASCADE with it (D10).
-- artifacts.project_id gets its FK -> projects in 0011.

CREATE TYPE artifacts_type_enum AS ENUM
    ('code', 'test', 'documentation', 'prd', 'config', 'deployment', 'script', 'template',
     'report', 'analysis',
     'code-diff', 'workflow');  -- N13: + the two values of the app's ArtifactType
CREATE TYPE artifacts_estimated_effort_enum AS ENUM ('low', 'medium', 'high');
CREATE TYPE artifacts_validation_status_enum AS ENUM ('pending', 'valid', 'invalid', 'warning');
CREATE TYPE artifacts_status_enum AS ENUM ('draft', 'review', 'approved', 'deployed', 'archived');
CREATE TYPE artifact_deployments_status_enum AS ENUM
    ('pending', 'deploying', 'deployed', 'failed', 'rolled_back');
CREATE TYPE artifact_deployments_health_status_enum AS ENUM ('unknown', 'healthy', 'unhealthy', 'degraded');
CREATE TYPE artifact_reviews_status_enum AS ENUM ('pending', 'approved', 'rejected', 'needs-changes');
CREATE TYPE artifact_reviews_review_type_enum AS ENUM ('automated', 'manual', 'peer', 'expert');
CREATE TYPE artifact_reviews_approval_level_enum AS ENUM ('junior', 'senior', 'lead', 'architect');

CREATE TABLE artifacts (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type                 artifacts_type_enum NOT NULL,
    content              text NOT NULL,
    title                varchar(255) NOT NULL,
    description          text,
    language             varchar,
    framework            varchar,
    target_file          varchar,
    estimated_effort     artifacts_estimated_effort_enum,
    tags                 jsonb NOT NULL DEFAULT '[]'::jsonb,
    project_id           uuid,  -- FK -> projects added in 0011
    -- N12: the Operation -> artifacts relation had no column; artifacts now point at their operation.
    operation_id         uuid REFERENCES operations (id) ON DELETE SET NULL,
    conversation_id      varchar NOT NULL,  -- external conversation key, not a uuid of this schema
    generated_by         uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK, nullable (N2 rule)
    generated_at         timestamptz NOT NULL DEFAULT now(),
    generator            varchar(255) NOT NULL,
    confidence           numeric(3,2) NOT NULL,
    source_messages      jsonb NOT NULL DEFAULT '[]'::jsonb,
    validation_result    jsonb,
    validation_status    artifacts_validation_status_enum NOT NULL DEFAULT 'pending',
    validation_score     numeric(3,2),
    version              varchar(50) NOT NULL DEFAULT '1.0.0',
    parent_artifact_id   uuid REFERENCES artifacts (id) ON DELETE SET NULL,  -- N11: uuid + self FK
    iteration_count      integer NOT NULL DEFAULT 1,
    is_latest_version    boolean NOT NULL DEFAULT true,
    status               artifacts_status_enum NOT NULL DEFAULT 'draft',
    approved_by          uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    approved_at          timestamptz,
    deployed_at          timestamptz,
    archived_at          timestamptz,
    quality_score        numeric(3,2),
    user_rating          numeric(3,2),
    usage_count          integer NOT NULL DEFAULT 0,
    download_count       integer NOT NULL DEFAULT 0,
    last_used_at         timestamptz,
    content_size_bytes   integer,
    line_count           integer,
    complexity_score     numeric(3,2),
    security_level       security_level NOT NULL DEFAULT 'medium',  -- N8: shared enum type
    compliance_tags      jsonb NOT NULL DEFAULT '[]'::jsonb,
    security_scan_result jsonb,
    license              varchar,
    dependencies         jsonb NOT NULL DEFAULT '[]'::jsonb,
    system_requirements  jsonb,
    deployment_config    jsonb,
    metadata             jsonb,
    generation_context   jsonb,
    external_references  jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_artifacts_confidence CHECK (confidence BETWEEN 0 AND 1),
    CONSTRAINT chk_artifacts_counters
        CHECK (iteration_count >= 1 AND usage_count >= 0 AND download_count >= 0),
    CONSTRAINT chk_artifacts_sizes CHECK (content_size_bytes >= 0 AND line_count >= 0),
    CONSTRAINT chk_artifacts_not_own_parent CHECK (parent_artifact_id <> id)
);
CREATE INDEX idx_artifacts_type_created_at ON artifacts (type, created_at);
CREATE INDEX idx_artifacts_conversation_id ON artifacts (conversation_id);
CREATE INDEX idx_artifacts_generated_by ON artifacts (generated_by);
CREATE INDEX idx_artifacts_language_framework ON artifacts (language, framework);
CREATE INDEX idx_artifacts_tags ON artifacts USING gin (tags);  -- N4
-- FK support (SET NULL on delete of the referenced row).
CREATE INDEX idx_artifacts_project_id ON artifacts (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX idx_artifacts_operation_id ON artifacts (operation_id) WHERE operation_id IS NOT NULL;
CREATE INDEX idx_artifacts_parent_artifact_id ON artifacts (parent_artifact_id)
    WHERE parent_artifact_id IS NOT NULL;
CREATE INDEX idx_artifacts_approved_by ON artifacts (approved_by) WHERE approved_by IS NOT NULL;
CREATE TRIGGER trg_artifacts_updated_at BEFORE UPDATE ON artifacts
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE artifact_deployments (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    artifact_id         uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,  -- N10, D10
    environment         varchar(100) NOT NULL,
    status              artifact_deployments_status_enum NOT NULL DEFAULT 'pending',
    deployed_by         uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK, nullable (N2 rule)
    deployed_at         timestamptz NOT NULL DEFAULT now(),
    deployment_url      text,
    deployment_config   jsonb,
    build_logs          text,
    deployment_logs     text,
    error_message       text,
    rollback_reason     text,
    rolled_back_at      timestamptz,
    rolled_back_by      uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    health_check_url    text,
    health_status       artifact_deployments_health_status_enum NOT NULL DEFAULT 'unknown',
    last_health_check   timestamptz,
    performance_metrics jsonb,
    tags                jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata            jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_artifact_deployments_artifact_deployed_at ON artifact_deployments (artifact_id, deployed_at);
CREATE INDEX idx_artifact_deployments_environment_status ON artifact_deployments (environment, status);
CREATE INDEX idx_artifact_deployments_deployed_by ON artifact_deployments (deployed_by);
CREATE INDEX idx_artifact_deployments_rolled_back_by ON artifact_deployments (rolled_back_by)
    WHERE rolled_back_by IS NOT NULL;
CREATE TRIGGER trg_artifact_deployments_updated_at BEFORE UPDATE ON artifact_deployments
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();

CREATE TABLE artifact_reviews (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    artifact_id             uuid NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,  -- N10, D10
    reviewer_id             uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK, nullable (N2 rule)
    status                  artifact_reviews_status_enum NOT NULL DEFAULT 'pending',
    score                   numeric(3,2),
    comments                text,
    suggestions             jsonb NOT NULL DEFAULT '[]'::jsonb,
    reviewed_at             timestamptz,
    quality_score           numeric(3,2),
    security_score          numeric(3,2),
    performance_score       numeric(3,2),
    maintainability_score   numeric(3,2),
    documentation_score     numeric(3,2),
    code_quality_feedback   text,
    security_feedback       text,
    performance_feedback    text,
    documentation_feedback  text,
    review_duration_minutes integer,
    review_type             artifact_reviews_review_type_enum NOT NULL DEFAULT 'manual',
    review_priority         task_priority NOT NULL DEFAULT 'medium',  -- N8: shared low..urgent type
    requires_follow_up      boolean NOT NULL DEFAULT false,
    follow_up_date          timestamptz,
    approval_level          artifact_reviews_approval_level_enum,
    escalated_to            uuid REFERENCES users (id) ON DELETE SET NULL,  -- N11: uuid + FK
    escalated_at            timestamptz,
    escalation_reason       text,
    checklist_items         jsonb NOT NULL DEFAULT '[]'::jsonb,
    compliance_checks       jsonb NOT NULL DEFAULT '[]'::jsonb,
    security_scan_passed    boolean,
    automated_tests_passed  boolean,
    tags                    jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata                jsonb,
    review_context          jsonb,
    external_references     jsonb,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chk_artifact_reviews_duration CHECK (review_duration_minutes >= 0)
);
CREATE INDEX idx_artifact_reviews_artifact_status ON artifact_reviews (artifact_id, status);
CREATE INDEX idx_artifact_reviews_reviewer_id ON artifact_reviews (reviewer_id);
CREATE INDEX idx_artifact_reviews_status_created_at ON artifact_reviews (status, created_at);
CREATE INDEX idx_artifact_reviews_escalated_to ON artifact_reviews (escalated_to) WHERE escalated_to IS NOT NULL;
CREATE TRIGGER trg_artifact_reviews_updated_at BEFORE UPDATE ON artifact_reviews
    FOR EACH ROW EXECUTE FUNCTION uaip_set_updated_at();
