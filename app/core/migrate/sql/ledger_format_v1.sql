SELECT value FROM uaip_ledger_info WHERE key = 'format'
