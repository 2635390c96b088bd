-- Between migrations, after one that mentions PREPARE: its prepared statements go, so the
-- next migration can PREPARE the same names (the run then prepares no ledger write).
DEALLOCATE ALL
