-- A held statement's view once its statement ran (RunViews), in the user's transaction, which would otherwise keep it for the session. The console puts in the view's name.
DROP VIEW pg_temp.%NAME%
