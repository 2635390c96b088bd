-- The default organisation (slug 'default'): id, and whether this statement created it.
WITH ins AS (
    INSERT INTO organizations (name, slug, description, created_by)
    VALUES ('Default Organization', 'default', 'Created by uaip-migrate seed initial.', $1)
    ON CONFLICT (slug) DO NOTHING
    RETURNING id
)
SELECT id, true AS created FROM ins
UNION ALL
SELECT id, false FROM organizations WHERE slug = 'default' AND NOT EXISTS (SELECT 1 FROM ins)
