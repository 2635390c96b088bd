-- Drops the advisor's prepared statement (%NAME%, a name the advisor made).
DEALLOCATE %NAME%
