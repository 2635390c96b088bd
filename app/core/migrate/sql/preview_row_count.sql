-- Exact row count of one table, given its oid ($1). The table name is quoted by regclass.
SELECT (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %s', $1::oid::regclass),
                           false, true, '')))[1]::text
