#include "prompttransaction.h"

#include "db/pgconnection.h"

namespace uaip {

PromptTransaction::PromptTransaction(PgConnection &connection)
    : m_connection(connection)
{ }

PromptTransaction::~PromptTransaction()
{
    rollback();
}

PromptError PromptTransaction::begin()
{
    PgResult r = m_connection.exec("BEGIN");
    if (!r.ok())
        return r.error().isSet()
            ? PromptError::database(r.error(), QStringLiteral("BEGIN"))
            : PromptError::make(PromptError::Kind::Database,
                                QStringLiteral("cannot begin a transaction: %1")
                                    .arg(m_connection.connectionError()));
    m_open = true;
    return {};
}

PromptError PromptTransaction::commit()
{
    PgResult r = m_connection.exec("COMMIT");
    m_open = false;
    if (!r.ok() || QByteArray(PQcmdStatus(r.handle())) != "COMMIT")
        return PromptError::make(
            PromptError::Kind::Database,
            QStringLiteral("COMMIT failed, nothing was written: %1")
                .arg(r.error().isSet() ? r.error().toString() : m_connection.connectionError()));
    return {};
}

void PromptTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (m_connection.isOpen())
        m_connection.exec("ROLLBACK");
}

} // namespace uaip
