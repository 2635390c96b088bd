-- The privileges granted on the table $1 (oid) to roles other than its owner (aclexplode of
-- relacl): the grantee's name (NULL: PUBLIC), the privilege (SELECT, INSERT, ...) and whether
-- it is grantable. None when the table has its default privileges.
SELECT r.rolname AS grantee, g.privilege_type, g.is_grantable
FROM pg_catalog.pg_class AS c
CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) AS g
LEFT JOIN pg_catalog.pg_roles AS r ON r.oid OPERATOR(pg_catalog.=) g.grantee
WHERE c.oid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
  AND g.grantee OPERATOR(pg_catalog.<>) c.relowner
ORDER BY r.rolname NULLS FIRST, g.privilege_type
