-- The privileges granted on the column $2 (attnum) of the table $1 (oid) itself, to roles other
-- than the table's owner (aclexplode of attacl): the grantee's name (NULL: PUBLIC), the privilege
-- (SELECT, INSERT, UPDATE, REFERENCES) and whether it is grantable. None: no grant of its own.
SELECT r.rolname AS grantee, g.privilege_type, g.is_grantable
FROM pg_catalog.pg_attribute AS a
JOIN pg_catalog.pg_class AS c ON c.oid OPERATOR(pg_catalog.=) a.attrelid
CROSS JOIN LATERAL pg_catalog.aclexplode(a.attacl) AS g
LEFT JOIN pg_catalog.pg_roles AS r ON r.oid OPERATOR(pg_catalog.=) g.grantee
WHERE a.attrelid OPERATOR(pg_catalog.=) $1::pg_catalog.oid
  AND a.attnum OPERATOR(pg_catalog.=) $2::pg_catalog.int2
  AND g.grantee OPERATOR(pg_catalog.<>) c.relowner
ORDER BY r.rolname NULLS FIRST, g.privilege_type
