-- Legend labels of Tools series: $1 the keys (text[] of tool ids).
SELECT d.id::text AS key, d.name AS label FROM tool_definitions d WHERE d.id = ANY ($1::text[]::uuid[])
