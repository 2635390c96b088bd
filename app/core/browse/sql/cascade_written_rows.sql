-- The rows of one table (named after FROM by CascadeMeter: the name the server quoted in
-- cascade_counters.sql, with ONLY for a plain table so that inheritance children count for
-- themselves) that this transaction wrote and that are still there: each
-- row once, however many times it was changed. A visible row version whose xmin is still in
-- progress can only be this transaction's (its own or a subtransaction's: other transactions'
-- uncommitted rows are not visible); age(xmin) <= 0 keeps the status lookup to the rows written
-- since this transaction's xid, whose xid8 is this transaction's minus that age.
SELECT count(*) FROM %TABLE%
WHERE age(xmin) <= 0
  AND pg_xact_status(((SELECT pg_current_xact_id()::text::bigint) - age(xmin))::text::xid8)
      = 'in progress'
