-- Back to the point before the statement whose plan failed.
ROLLBACK TO SAVEPOINT uaip_advice
