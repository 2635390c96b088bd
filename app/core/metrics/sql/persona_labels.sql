-- Legend labels of Persona series: $1 the keys (text[] of persona ids).
SELECT p.id::text AS key, p.name AS label FROM personas p WHERE p.id = ANY ($1::text[]::uuid[])
