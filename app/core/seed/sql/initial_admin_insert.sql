-- $1 e-mail, $2 the password's bcrypt hash (cost 12, made by the client: the password itself
-- never reaches the server, whose log may keep bound values).
INSERT INTO users (email, first_name, last_name, department, role, password_hash,
                   security_clearance, password_changed_at, permissions)
VALUES ($1, 'System', 'Administrator', 'Operations', 'admin', $2,
        'critical', now(), '["*"]'::jsonb)
RETURNING id
