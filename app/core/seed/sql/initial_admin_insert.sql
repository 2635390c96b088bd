-- $1 e-mail, $2 password: hashed by pgcrypto with bcrypt, cost 12.
INSERT INTO users (email, first_name, last_name, department, role, password_hash,
                   security_clearance, password_changed_at, permissions)
VALUES ($1, 'System', 'Administrator', 'Operations', 'admin', crypt($2, gen_salt('bf', 12)),
        'critical', now(), '["*"]'::jsonb)
RETURNING id
