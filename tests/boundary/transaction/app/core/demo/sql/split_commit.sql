-- Fixture of boundary_refuses_transaction: (h) a command and its ";" on two lines.
SELECT 1;
COMMIT
;
