-- Free WHERE clauses (and the loads that use them) run inside a read-only transaction.
BEGIN TRANSACTION READ ONLY
