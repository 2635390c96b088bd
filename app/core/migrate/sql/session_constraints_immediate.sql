-- After each migration of a run in one transaction: its deferred constraint checks fire here,
-- blamed on it (a violation fails this block), not at the COMMIT after later migrations that
-- might have repaired it. The block's own subtransaction is then rolled back: every
-- constraint's mode is what it was (a SET CONSTRAINTS ALL IMMEDIATE that stayed would make a
-- later migration's INITIALLY DEFERRED constraints immediate), and the checks run again at the
-- COMMIT. So a migration's violation left at its end is its failure in a group as alone.
DO $uaip$
BEGIN
    SET CONSTRAINTS ALL IMMEDIATE;
    RAISE SQLSTATE 'UA001';
EXCEPTION WHEN SQLSTATE 'UA001' THEN
    NULL;
END
$uaip$
