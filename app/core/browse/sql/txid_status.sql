-- Settles a transaction whose COMMIT answer was lost: committed, aborted, in progress or NULL
-- (too old to tell). Run on a fresh session.
SELECT txid_status($1)
