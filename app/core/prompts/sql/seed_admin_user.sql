-- The user that seeded rows are attributed to: the first active admin, if there is one.
SELECT id FROM users WHERE role = 'admin' AND is_active ORDER BY created_at, id LIMIT 1
