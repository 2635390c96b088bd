-- A point to return to when one statement's plan fails, so the advisor's prepared statement
-- and hypothetical indexes are still dropped before the transaction ends.
SAVEPOINT uaip_advice
