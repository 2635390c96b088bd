-- Sequences of this database by how much of their range is used: the range runs from the
-- sequence's minimum to its maximum (descending: the other way), the end narrowed to the type
-- of the column it feeds (a bigint sequence behind an integer key ends at 2^31 - 1): the
-- column that owns it, else one whose default calls it. remaining: the values left after the
-- last one given (a sequence never used has its start left too). last_value is NULL when the
-- sequence was never used or the role may not read it (readable says which). $1: how many.
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
       CASE WHEN NOT q.readable THEN NULL
            ELSE trunc(greatest(0, (q.bound - q.current) / q.increment_by))::numeric(40, 0)
       END AS remaining,
       CASE WHEN NOT q.readable OR q.span = 0 THEN 0
            ELSE least(1, greatest(0, 1 - abs(q.bound - q.current)::numeric / q.span)) END AS used
FROM (SELECT s.schemaname,
             s.sequencename,
             format_type(s.data_type, NULL) AS data_type,
             s.last_value,
             s.increment_by,
             s.cycle,
             coalesce(s.last_value, s.start_value - s.increment_by)::numeric AS current,
             b.bound,
             CASE WHEN s.increment_by > 0 THEN b.bound - s.min_value
                  ELSE s.max_value - b.bound END AS span,
             CASE WHEN a.attname IS NULL THEN ''
                  ELSE format('%I.%I', tn.nspname, t.relname) END AS owner_table,
             coalesce(a.attname::text, '') AS owner_column,
             coalesce(format_type(a.atttypid, a.atttypmod), '') AS column_type,
             s.last_value IS NOT NULL OR has_sequence_privilege(c.oid, 'SELECT')
                 OR has_sequence_privilege(c.oid, 'USAGE') AS readable
      FROM pg_catalog.pg_sequences s
      JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
      JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
      LEFT JOIN LATERAL (
          -- every column it feeds: the one that owns it, and every one whose default calls it;
          -- the narrowest type decides
          SELECT x.attrelid, x.attnum
          FROM (SELECT d.refobjid AS attrelid, d.refobjsubid AS attnum
                FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_class'::regclass
                  AND d.deptype IN ('a', 'i')
                UNION
                SELECT ad.adrelid, ad.adnum
                FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_attrdef ad ON ad.oid = d.objid
                WHERE d.classid = 'pg_catalog.pg_attrdef'::regclass
                  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid) x
          JOIN pg_catalog.pg_attribute xa ON xa.attrelid = x.attrelid AND xa.attnum = x.attnum
          ORDER BY CASE xa.atttypid WHEN 'int2'::regtype THEN 1 WHEN 'int4'::regtype THEN 2
                                    ELSE 3 END,
                   x.attrelid, x.attnum
          LIMIT 1) o ON true
      LEFT JOIN pg_catalog.pg_class t ON t.oid = o.attrelid
      LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = o.attrelid AND a.attnum = o.attnum
      CROSS JOIN LATERAL (
          SELECT CASE WHEN s.increment_by > 0
                      THEN least(s.max_value,
                                 CASE a.atttypid WHEN 'int2'::regtype THEN 32767
                                                 WHEN 'int4'::regtype THEN 2147483647
                                                 ELSE s.max_value END)
                      ELSE greatest(s.min_value,
                                    CASE a.atttypid WHEN 'int2'::regtype THEN -32768
                                                    WHEN 'int4'::regtype THEN -2147483648
                                                    ELSE s.min_value END)
                 END::numeric AS bound) b
     ) q
ORDER BY used DESC, q.schemaname, q.sequencename
LIMIT $1
