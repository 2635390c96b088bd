-- How many rows of a referencing table point at one row of the browsed table through one
-- foreign key (the refused DELETE or key UPDATE of a save preview). The marks below are
-- filled with quoted identifiers in one pass: the referencing table and its key columns, the
-- browsed table, the columns the key points at, its primary key; the key's values are bound.
SELECT count(*)
  FROM %CHILD%
 WHERE (%COLUMNS%) = (SELECT %REFCOLUMNS% FROM %REFERENCED% WHERE (%KEY%) = (%PARAMS%))
