-- The permission catalogue: read/write/delete on every resource, plus the special actions.
-- Returns how many were missing and got inserted.
WITH resources (resource) AS (
    VALUES ('users'), ('organizations'), ('teams'), ('roles'), ('personas'), ('agents'),
           ('discussions'), ('tools'), ('operations'), ('artifacts'), ('ai_prompts'),
           ('ai_sessions'), ('llm_providers'), ('knowledge_items'), ('projects'), ('tasks'),
           ('workflows'), ('analytics')
),
standard AS (
    SELECT r.resource, a.action,
           initcap(a.action) || ' ' || replace(r.resource, '_', ' ') AS description
    FROM resources r
    CROSS JOIN (VALUES ('read'), ('write'), ('delete')) AS a (action)
),
extra (resource, action, description) AS (
    VALUES ('ai_prompts', 'publish', 'Publish a new version of an AI prompt'),
           ('operations', 'approve', 'Approve or reject an operation'),
           ('artifacts', 'approve', 'Approve an artifact for deployment'),
           ('artifacts', 'deploy', 'Deploy an artifact'),
           ('tools', 'execute', 'Run a tool'),
           ('workflows', 'execute', 'Start a workflow'),
           ('roles', 'assign', 'Grant and revoke roles'),
           ('analytics', 'export', 'Export analytics data'),
           ('audit_logs', 'read', 'Read the audit log')
),
ins AS (
    INSERT INTO permissions (resource, action, description)
    SELECT resource, action, description FROM standard
    UNION ALL
    SELECT resource, action, description FROM extra
    ON CONFLICT (resource, action) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM ins
