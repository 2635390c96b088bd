-- What each built-in role may do; $1 = the admin user granting it. Re-running restores
-- grants of the built-in roles that were revoked; it never removes any.
WITH grants AS (
    SELECT r.id AS role_id, p.id AS permission_id
    FROM roles r
    JOIN permissions p ON CASE r.name
        WHEN 'admin' THEN true
        WHEN 'manager' THEN NOT (p.action = 'delete'
                                 AND p.resource IN ('users', 'roles', 'organizations'))
        WHEN 'operator' THEN p.action = 'read' AND p.resource <> 'audit_logs'
                             OR p.action IN ('write', 'execute')
                                AND p.resource IN ('personas', 'agents', 'discussions', 'tools',
                                                   'tasks', 'projects', 'workflows',
                                                   'knowledge_items', 'ai_sessions')
        WHEN 'analyst' THEN p.action = 'read' OR (p.resource = 'analytics' AND p.action = 'export')
        WHEN 'viewer' THEN p.action = 'read'
                           AND p.resource NOT IN ('audit_logs', 'users', 'roles', 'llm_providers')
        ELSE false
    END
    WHERE r.organization_id IS NULL AND r.is_system
),
ins AS (
    INSERT INTO role_permissions (role_id, permission_id, granted_by)
    SELECT role_id, permission_id, $1::uuid FROM grants
    ON CONFLICT (role_id, permission_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM ins
