-- The built-in roles (organization_id NULL = usable in every organisation).
WITH wanted (name, description) AS (
    VALUES ('admin', 'Everything, including users, roles and organisations'),
           ('manager', 'Everything except deleting users, roles and organisations'),
           ('operator', 'Runs agents, discussions, tools and workflows; reads everything else'),
           ('analyst', 'Reads everything and exports analytics'),
           ('viewer', 'Reads the platform''s content')
),
ins AS (
    INSERT INTO roles (organization_id, name, description, is_system)
    SELECT NULL, name, description, true FROM wanted
    ON CONFLICT ON CONSTRAINT roles_organization_id_name_key DO NOTHING
    RETURNING 1
)
SELECT count(*) FROM ins
