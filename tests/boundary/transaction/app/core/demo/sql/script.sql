-- Fixture: a later statement of a resource that commits.
SELECT 1;
COMMIT;
  rollback;
