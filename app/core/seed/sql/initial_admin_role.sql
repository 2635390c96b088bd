-- The admin user holds the admin role in the default organisation. $1 org, $2 user.
WITH ins AS (
    INSERT INTO user_roles (organization_id, user_id, role_id, granted_by)
    SELECT $1::uuid, $2::uuid, r.id, $2::uuid FROM roles r WHERE r.organization_id IS NULL AND r.name = 'admin'
    ON CONFLICT (organization_id, user_id, role_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM ins
