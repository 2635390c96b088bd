-- A save preview checks deferred foreign keys at each statement, as the save's COMMIT would.
SET CONSTRAINTS ALL IMMEDIATE
