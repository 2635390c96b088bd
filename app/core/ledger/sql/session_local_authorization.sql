-- For one transaction: the session's own identity (also ends a SET ROLE), back to what the
-- script set at its end.
SET LOCAL SESSION AUTHORIZATION DEFAULT
