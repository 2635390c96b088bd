#include "insightstransaction.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

InsightsTransaction::InsightsTransaction(PgConnection &connection)
    : m_connection(connection)
    , m_guard(connection)
{ }

DbStatus InsightsTransaction::begin()
{
    if (DbStatus s = m_guard.begin(QByteArrayLiteral("BEGIN READ ONLY")); !s)
        return s;
    const PgResult r
        = m_connection.exec(SqlResource::of("insights", "local_timeouts"),
                            {QLatin1String(kLockTimeout), QLatin1String(kStatementTimeout)});
    if (!r.ok())
        return r.error();
    return {};
}

DbStatus InsightsTransaction::end()
{
    m_guard.rollback();
    return {};
}

} // namespace uaip
