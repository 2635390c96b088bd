-- Starts a save: every staged change in one transaction.
BEGIN
