#pragma once

// Shared by the Activity tests (core, CLI, view): a waiting statement on a plain libpq
// connection (not one of the process's own sessions) and how it ended.
#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <QThread>

#include <libpq-fe.h>

namespace uaip::test {

// The SQLSTATE the connection's running command ended with ("" when it succeeded), waiting at
// most ms; "timeout" when it still runs then, "connection" when the connection dropped.
inline QString endOfCommand(PGconn *c, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (true) {
        if (!PQconsumeInput(c))
            return QStringLiteral("connection");
        if (!PQisBusy(c))
            break;
        if (deadline.hasExpired())
            return QStringLiteral("timeout");
        QThread::msleep(10);
    }
    QString state;
    while (PGresult *r = PQgetResult(c)) {
        if (PQresultStatus(r) == PGRES_FATAL_ERROR) {
            const char *s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            state = s ? QString::fromLatin1(s) : QStringLiteral("connection");
        }
        PQclear(r);
    }
    if (PQstatus(c) != CONNECTION_OK)
        return QStringLiteral("connection");
    return state;
}

// A plain libpq connection (not an OwnBackends session) running `sql` without waiting.
struct SleepingSession
{
    PGconn *conn = nullptr;
    explicit SleepingSession(const QString &conninfo, const QByteArray &sql = "SELECT pg_sleep(60)")
    {
        conn = PQconnectdb(conninfo.toUtf8().constData());
        if (PQstatus(conn) == CONNECTION_OK && !sql.isEmpty())
            PQsendQuery(conn, sql.constData());
    }
    ~SleepingSession()
    {
        if (PQstatus(conn) == CONNECTION_OK && PQisBusy(conn)) {
            if (PGcancel *cancel = PQgetCancel(conn)) {
                char buffer[256];
                PQcancel(cancel, buffer, sizeof buffer);
                PQfreeCancel(cancel);
            }
            while (PGresult *r = PQgetResult(conn))
                PQclear(r);
        }
        PQfinish(conn);
    }
    SleepingSession(const SleepingSession &) = delete;
    SleepingSession &operator=(const SleepingSession &) = delete;
    int pid() const { return PQbackendPID(conn); }
    bool ok() const { return PQstatus(conn) == CONNECTION_OK; }
};

} // namespace uaip::test
