#include "writewatch.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

WriteWatch::WriteWatch(PgConnection &connection)
    : m_connection(connection)
    , m_savepoint(connection)
{ }

Status WriteWatch::begin()
{
    if (Status s = m_savepoint.begin(TransactionOptions::nested()); !s)
        return s;
    m_idsBefore = heldTransactionIds();
    return {};
}

bool WriteWatch::undone()
{
    if (m_connection.transactionState() != PgConnection::TransactionState::InTransaction) {
        m_savepoint.forget();
        return false;
    }
    const int idsAfter = heldTransactionIds();
    const bool wrote = m_idsBefore < 0 || idsAfter < 0 || idsAfter > m_idsBefore;
    if (wrote)
        m_savepoint.rollback();
    else
        m_savepoint.commit();
    return wrote;
}

int WriteWatch::heldTransactionIds() const
{
    bool ok = false;
    const int n
        = m_connection
              .scalar(SqlResource::get(QStringLiteral("sqlconsole/sql/held_transaction_ids.sql")))
              .toInt(&ok);
    return ok ? n : -1;
}

} // namespace uaip
