-- Fixture of boundary_refuses_transaction: a resource that begins a transaction.

BEGIN READ ONLY
