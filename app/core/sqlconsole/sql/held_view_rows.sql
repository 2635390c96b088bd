-- What a held statement runs in place of its query (RunViews): the rows of its view, each column under the name its query gave it. The console puts in the columns ("1" AS "name", ...) and the view's name.
SELECT %OUTPUTS% FROM pg_temp.%NAME%
