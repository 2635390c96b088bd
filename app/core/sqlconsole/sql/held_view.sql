-- A held statement's query as a temporary view of the run's transaction (RunViews, VerdictHold): the guard walks this view and the statement then runs from it, so the names, casts and operators that run are the ones walked, never resolved again when it runs. The console puts in the view's name (uaip_resolution_probe_held_ and a number), its columns "1", "2", ... (a value of a pseudo-type such as a record, void or anyarray as text, as no view column may have one), their list as the subquery's column aliases (none for a query of no columns) and the statement's query as written.
CREATE TEMP VIEW %NAME% AS SELECT %OUTPUTS% FROM (
%QUERY%
) AS uaip_held_query %ALIASES%
