-- Undoes a check or a failed save.
ROLLBACK
