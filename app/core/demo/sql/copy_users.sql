-- Demo data: column order = DemoEntityGenerator::writeUser.
COPY users (id, email, first_name, last_name, department, role, password_hash, security_clearance,
            is_active, last_login_at, created_at, updated_at)
FROM STDIN
