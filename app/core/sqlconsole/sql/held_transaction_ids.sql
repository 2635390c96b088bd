-- How many transaction ids this session's open transaction holds: its own and each of its open or released subtransactions' that wrote (an id is taken at the first write, and its lock kept until the transaction ends; a subtransaction rolled back lets its id go). The SQL console's guard reads it before and after a run in its savepoint (SqlRunner::run): more after, and the run wrote, whatever was written before it (the user's earlier writes, the guard's own rolled back probe views).
SELECT pg_catalog.count(*)
  FROM pg_catalog.pg_locks l
 WHERE l.locktype OPERATOR(pg_catalog.=) 'transactionid'
   AND l.pid OPERATOR(pg_catalog.=) pg_catalog.pg_backend_pid()
   AND l.mode OPERATOR(pg_catalog.=) 'ExclusiveLock'
   AND l.granted
