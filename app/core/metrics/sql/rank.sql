-- The series of a panel with rows in the range, by volume (rows), largest first: the top N
-- ($7, NULL = all) the panel shows by default. The ROWS placeholder is the panel's *_rows.sql ($1..$6);
-- $3 (the zone) only matters to panels whose rows carry dates; the HAVING gives it a type.
WITH r AS (
%ROWS%
)
SELECT r.key, count(*) AS volume
FROM r
GROUP BY r.key
HAVING $3::text IS NOT NULL
ORDER BY volume DESC, r.key
LIMIT $7::bigint
