#pragma once

#include "ledger/migrationfailure.h"
#include "ledger/runresult.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// How a run's outcome reads in the window: file:line:col, SQLSTATE, message, detail, hint,
// and what state the database is in afterwards.
class RunResultText
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RunResultText)

public:
    static QString describe(const RunResult &result);
    static QString failure(const MigrationFailure &failure);
};

} // namespace uaip
