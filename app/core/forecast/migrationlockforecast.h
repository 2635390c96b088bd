#pragma once

#include "sqlparse/sqlsplitresult.h"
#include "statementforecast.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace uaip {

// The lock forecast of a migration file, statement by statement (StatementLockForecast on each
// statement's typed parse tree, split as the runner splits the file). A statement that does not
// parse is the plan check's to report; here it is not checked.
class MigrationLockForecast
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationLockForecast)

public:
    static QList<StatementForecast> of(const QByteArray &sql);
    // The same from the file as already split (Migration::upSplit): a big file is not split,
    // nor copied, again.
    static QList<StatementForecast> of(const SqlSplitResult &split);
};

} // namespace uaip
