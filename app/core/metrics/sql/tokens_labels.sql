-- Organisation names for Tokens series: $1 the organisation ids (text[]).
SELECT o.id::text AS key, o.name AS label FROM organizations o WHERE o.id = ANY ($1::text[]::uuid[])
