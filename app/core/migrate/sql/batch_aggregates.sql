-- Which of the functions an INSERT ... SELECT of a batched migration calls in its select list
-- are aggregates, by name in any schema ($1: a JSON array of names): batches would fold each
-- batch's rows apart. NULL when none is.
SELECT pg_catalog.string_agg(DISTINCT p.proname::pg_catalog.text, ', ')
FROM pg_catalog.pg_proc p
WHERE p.prokind OPERATOR(pg_catalog.=) 'a'
  AND p.proname::pg_catalog.text OPERATOR(pg_catalog.=) ANY (
      ARRAY(SELECT pg_catalog.jsonb_array_elements_text($1::pg_catalog.jsonb)))
