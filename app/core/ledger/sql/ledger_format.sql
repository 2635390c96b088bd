SELECT value FROM uaip_ledger.uaip_ledger_info WHERE key OPERATOR(pg_catalog.=) 'format'
