#include "insightsreading.h"

namespace uaip {

TransactionOptions InsightsReading::options()
{
    TransactionOptions o = TransactionOptions::readOnlyRolledBack();
    o.settings = {{QStringLiteral("search_path"), QStringLiteral("pg_catalog, pg_temp")},
                  {QStringLiteral("lock_timeout"), QLatin1String(kLockTimeout)},
                  {QStringLiteral("statement_timeout"), QLatin1String(kStatementTimeout)}};
    return o;
}

} // namespace uaip
