/* Fixture of boundary_refuses_transaction: a resource that commits after a block comment. */
commit
