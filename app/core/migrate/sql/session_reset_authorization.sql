-- Between migrations: back to the session's own identity (also ends SET ROLE).
SET SESSION AUTHORIZATION DEFAULT
