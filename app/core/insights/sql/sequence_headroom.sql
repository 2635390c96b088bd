-- Sequences of this database by how much of their range is used: the sequence's own bounds,
-- narrowed to the type of the column that owns it (a bigint sequence behind an integer key
-- ends at 2^31 - 1). last_value is NULL when the sequence was never used or the role may not
-- read it (readable says which). $1: how many.
SELECT q.schemaname,
       q.sequencename,
       q.data_type,
       q.last_value,
       q.bound,
       q.increment_by,
       q.cycle,
       q.owner_table,
       q.owner_column,
       q.column_type,
       q.readable,
       CASE WHEN q.last_value IS NULL OR q.bound = q.start_value THEN 0
            ELSE (q.last_value - q.start_value)::numeric / (q.bound - q.start_value)
       END AS used
FROM (SELECT s.schemaname,
             s.sequencename,
             format_type(s.data_type, NULL) AS data_type,
             s.last_value,
             s.start_value,
             s.increment_by,
             s.cycle,
             CASE WHEN s.increment_by > 0
                  THEN least(s.max_value,
                             CASE a.atttypid WHEN 'int2'::regtype THEN 32767
                                             WHEN 'int4'::regtype THEN 2147483647
                                             ELSE s.max_value END)
                  ELSE greatest(s.min_value,
                                CASE a.atttypid WHEN 'int2'::regtype THEN -32768
                                                WHEN 'int4'::regtype THEN -2147483648
                                                ELSE s.min_value END)
             END AS bound,
             CASE WHEN t.oid IS NULL THEN '' ELSE format('%I.%I', tn.nspname, t.relname) END
                 AS owner_table,
             coalesce(a.attname::text, '') AS owner_column,
             coalesce(format_type(a.atttypid, a.atttypmod), '') AS column_type,
             has_sequence_privilege(c.oid, 'SELECT')
                 OR has_sequence_privilege(c.oid, 'USAGE') AS readable
      FROM pg_catalog.pg_sequences s
      JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
      JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
      LEFT JOIN pg_catalog.pg_depend d
             ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
            AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
      LEFT JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
      LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     ) q
ORDER BY used DESC, q.schemaname, q.sequencename
LIMIT $1
