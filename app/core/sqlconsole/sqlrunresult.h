#pragma once

#include "sqlresultset.h"
#include "sqlrunerror.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace uaip {

// What a run gave: one result set per statement that ran, and the error that stopped it.
struct SqlRunResult
{
    QList<SqlResultSet> results;
    std::optional<SqlRunError> error;
    QStringList notices; // RAISE NOTICE, warnings
    bool inTransaction = false; // a transaction is open now (commit or roll back)
    bool transactionFailed = false; // ... and it failed: only a rollback ends it
    // Autocommit: the runner's read transaction stays open for the cursors of the result sets
    // until their rows are all read or the next run (it holds its snapshot and its tables'
    // ACCESS SHARE locks meanwhile).
    bool readTransactionOpen = false;
    double durationMs = 0;
    bool cancelled = false;
    // The login the statements ran as when not the console's (ReadingLogins: the reader login
    // of a read-only run whose console login holds a dangerous right); empty otherwise.
    QString readAs;

    bool ok() const { return !error.has_value(); }
};

} // namespace uaip
