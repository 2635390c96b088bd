-- For the rest of this transaction only (SET LOCAL ROLE): the role that ran the statement
-- about to be planned, so whatever planning runs (folded functions, inlined views, defaults,
-- operators) runs with that role's rights, never the console's. Refused unless the console's
-- role may act as it (a superuser, or a member of it).
SELECT pg_catalog.set_config('role', $1::text, true)
