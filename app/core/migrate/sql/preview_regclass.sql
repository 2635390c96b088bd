-- The oid of a table named as a script writes it ($1, e.g. public.users or "Odd"), resolved with
-- the session's search_path; NULL when there is none.
SELECT to_regclass($1)::oid::text
