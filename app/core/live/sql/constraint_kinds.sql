-- The kind of each constraint a plan drops: of the (relation, constraint) pairs ($1, $2: parallel
-- text[]; the relation as a statement writes it, resolved with to_regclass; the constraint's name
-- as written, unquoted), those the live table has, with pg_constraint.contype ('f' a foreign key,
-- 'p' primary key, 'u' unique, 'c' check, 'x' exclusion, 'n' a column's NOT NULL (PostgreSQL
-- 18 names it: dropping it drops the NOT NULL), ...). A pair missing from the result is not on
-- the live table (yet).
SELECT n.name, n.con, c.contype::pg_catalog.text
FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.text[]), pg_catalog.unnest($2::pg_catalog.text[]))
     AS n(name, con)
JOIN pg_catalog.pg_constraint AS c
  ON c.conrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(n.name)
 AND c.conname OPERATOR(pg_catalog.=) n.con
