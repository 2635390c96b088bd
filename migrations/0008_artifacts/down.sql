-- 0008_artifacts down: drops artifact_reviews, artifact_deployments, artifacts and their enum types.

DROP TABLE artifact_reviews;
DROP TABLE artifact_deployments;
DROP TABLE artifacts;

DROP TYPE artifact_reviews_approval_level_enum;
DROP TYPE artifact_reviews_review_type_enum;
DROP TYPE artifact_reviews_status_enum;
DROP TYPE artifact_deployments_health_status_enum;
DROP TYPE artifact_deployments_status_enum;
DROP TYPE artifacts_status_enum;
DROP TYPE artifacts_validation_status_enum;
DROP TYPE artifacts_estimated_effort_enum;
DROP TYPE artifacts_type_enum;
