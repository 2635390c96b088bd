-- Legend labels of Capability series: $1 the keys (text[] of agent ids).
SELECT a.id::text AS key, a.name AS label FROM agents a WHERE a.id = ANY ($1::text[]::uuid[])
