-- The series of a panel with rows in the range, by volume (rows), largest first: the top N
-- ($7, NULL = all) the panel shows by default. The ROWS splice point takes the panel's *_rows.sql ($1..$6);
-- $3 (the zone) only matters to panels whose rows carry dates; the HAVING gives it a type.
WITH r AS (
%ROWS%
)
SELECT r.id::text AS key, count(*) AS volume
FROM r
GROUP BY r.id
HAVING $3::text IS NOT NULL
ORDER BY volume DESC, r.id
LIMIT $7::bigint
