#include "rolledbackscope.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"

namespace uaip {

namespace {

constexpr auto kBegin = "BEGIN";
constexpr auto kBeginReadOnly = "BEGIN TRANSACTION READ ONLY";
constexpr auto kRollback = "ROLLBACK";
constexpr auto kSavepoint = "SAVEPOINT uaip_rolled_back";
constexpr auto kReadOnly = "SET TRANSACTION READ ONLY";
constexpr auto kRollbackSavepoint = "ROLLBACK TO SAVEPOINT uaip_rolled_back";
constexpr auto kReleaseSavepoint = "RELEASE SAVEPOINT uaip_rolled_back";

} // namespace

RolledBackScope::RolledBackScope(PgConnection &connection, bool readOnly)
    : m_connection(connection)
{
    m_savepoint = connection.transactionState() != PgConnection::TransactionState::Idle;
    PgResult open = connection.exec(m_savepoint ? kSavepoint : readOnly ? kBeginReadOnly : kBegin);
    if (!open.ok()) {
        m_status = open.error();
        return;
    }
    m_open = true;
    if (m_savepoint && readOnly) {
        PgResult ro = connection.exec(kReadOnly);
        if (!ro.ok()) {
            m_status = ro.error();
            end();
        }
    }
}

RolledBackScope::~RolledBackScope()
{
    end();
}

void RolledBackScope::end()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_savepoint) {
        m_connection.exec(kRollbackSavepoint);
        m_connection.exec(kReleaseSavepoint);
    } else {
        m_connection.exec(kRollback);
    }
}

} // namespace uaip
