-- Fixture of boundary_refuses_transaction: (f) after a nested comment.
/* a /* nested */ comment */ ROLLBACK;
