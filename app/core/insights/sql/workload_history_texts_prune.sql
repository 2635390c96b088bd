-- The workload history's statement texts no sample refers to any more, deleted.
DELETE FROM uaip_ledger.uaip_workload_history_texts t
WHERE NOT EXISTS (SELECT FROM uaip_ledger.uaip_workload_history_statements s
                  WHERE s.queryid = t.queryid)
