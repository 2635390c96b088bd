#include "sqlcliinterrupt.h"

#include "db/pgconnection.h"
#include "db/sessioncanceller.h"
#include "sqlconsole/readinglogins.h"

namespace uaip {

SqlCliInterrupt::SqlCliInterrupt(PgConnection &connection, const ReadingLogins &readers)
    : m_canceller(connection.canceller())
    , m_watch([this, &readers] {
        m_interrupted.store(true);
        m_canceller->cancel(); // the running command, or the next one of the work
        readers.cancelReader(); // or the one on the reader login's session
    })
{
    m_canceller->beginWork();
}

SqlCliInterrupt::~SqlCliInterrupt()
{
    m_canceller->endWork();
}

Error SqlCliInterrupt::cancelled(const QString &where, const TextPosition &at)
{
    return Error(ErrorCode::Cancelled,
                 tr("%1: interrupted: the statement was cancelled at the server and the "
                    "transaction it ran in rolled back")
                     .arg(where + u':' + at.toString()),
                 {{QStringLiteral("path"), where},
                  {QStringLiteral("line"), at.line},
                  {QStringLiteral("column"), at.column}});
}

} // namespace uaip
