#include "pgcopy.h"

#include "pgconnection.h"
#include "pgsocketwait.h"
#include "sessioncanceller.h"

#include <libpq-fe.h>

#include <algorithm>

namespace uaip {

PgResult PgCopy::in(PgConnection &connection, const QByteArray &sql, const QByteArray &data)
{
    if (!connection.m_conn)
        return PgResult();
    connection.startCommand();
    PGresult *started
        = connection.awaitResult(PQsendQueryParams(connection.m_conn, sql.constData(), 0, nullptr,
                                                   nullptr, nullptr, nullptr, 0)
                                 == 1);
    if (PQresultStatus(started) != PGRES_COPY_IN)
        return connection.finish(connection.settleCopy(started));
    PQclear(started);
    PgSocketWait wait(connection.m_conn, *connection.m_canceller);
    // in pieces, so libpq never holds a second copy of a large block
    constexpr qsizetype kChunk = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kChunk)
        sent = wait.putCopyData(data.constData() + at, int(std::min(kChunk, data.size() - at)));
    wait.putCopyEnd(sent ? nullptr : "sending the COPY data failed");
    return connection.finish(connection.lastResult(wait, wait.nextResult()));
}

bool PgCopy::put(PgConnection &connection, const QByteArray &data)
{
    PgSocketWait wait(connection.m_conn, *connection.m_canceller);
    const bool sent = wait.putCopyData(data.constData(), int(data.size()));
    connection.settle();
    return sent;
}

PgResult PgCopy::end(PgConnection &connection, const QString &errorMessage)
{
    const QByteArray err = errorMessage.toUtf8();
    PgSocketWait wait(connection.m_conn, *connection.m_canceller);
    wait.putCopyEnd(errorMessage.isEmpty() ? nullptr : err.constData());
    return connection.finish(connection.lastResult(wait, wait.nextResult()));
}

bool PgCopy::get(PgConnection &connection, QByteArray *row)
{
    char *buffer = nullptr;
    PgSocketWait wait(connection.m_conn, *connection.m_canceller);
    const int n = wait.copyData(&buffer);
    connection.settle();
    if (n < 0)
        return false;
    *row = QByteArray(buffer, n);
    PQfreemem(buffer);
    return true;
}

PgResult PgCopy::finishOut(PgConnection &connection)
{
    PgSocketWait wait(connection.m_conn, *connection.m_canceller);
    return connection.finish(connection.lastResult(wait, wait.nextResult()));
}

} // namespace uaip
