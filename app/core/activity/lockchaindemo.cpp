#include "lockchaindemo.h"

#include <QDeadlineTimer>
#include <QThread>

namespace uaip {

LockChainDemo::~LockChainDemo()
{
    stop();
}

int LockChainDemo::pid(int session) const
{
    PGconn *c = m_conns[size_t(session)];
    return c ? PQbackendPID(c) : 0;
}

bool LockChainDemo::open(int session, const QString &conninfo, QString *error)
{
    const QByteArray info = conninfo.toUtf8();
    const QByteArray app = QStringLiteral("lock demo %1").arg(QChar(u'A' + session)).toUtf8();
    const char *keywords[] = {"dbname", "application_name", "connect_timeout", nullptr};
    const char *values[] = {info.constData(), app.constData(), "10", nullptr};
    PGconn *c = PQconnectdbParams(keywords, values, 1);
    m_conns[size_t(session)] = c;
    if (!c || PQstatus(c) != CONNECTION_OK) {
        *error = tr("lock demo: cannot connect: %1")
                     .arg(c ? QString::fromUtf8(PQerrorMessage(c)).trimmed() : QString());
        return false;
    }
    return true;
}

bool LockChainDemo::blockedBy(PGconn *checker, int pid, int blocker)
{
    const QByteArray p = QByteArray::number(pid);
    const QByteArray b = QByteArray::number(blocker);
    const char *params[] = {p.constData(), b.constData()};
    PGresult *r = PQexecParams(checker, "SELECT $2::int = ANY (pg_blocking_pids($1::int))", 2,
                               nullptr, params, nullptr, nullptr, 0);
    const bool yes = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1
        && PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return yes;
}

bool LockChainDemo::start(const QString &conninfo, const QByteArray &lockSql, int timeoutMs,
                          QString *error)
{
    stop();
    for (int i = 0; i < kSessions; ++i)
        if (!open(i, conninfo, error))
            return false;
    PGresult *r = PQexec(m_conns[0], "BEGIN");
    PQclear(r);
    r = PQexec(m_conns[0], lockSql.constData());
    const bool locked
        = PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!locked)
        *error = tr("lock demo: %1").arg(QString::fromUtf8(PQresultErrorMessage(r)).trimmed());
    PQclear(r);
    if (!locked)
        return false;
    PGconn *checker = PQconnectdb(conninfo.toUtf8().constData());
    const QDeadlineTimer deadline(timeoutMs);
    bool ok = PQstatus(checker) == CONNECTION_OK;
    // B first, and only once B waits C: C then queues behind B, not behind A.
    for (int i = 1; ok && i < kSessions; ++i) {
        if (!PQsendQuery(m_conns[size_t(i)], lockSql.constData())) {
            ok = false;
            break;
        }
        while (!blockedBy(checker, pid(i), pid(i - 1))) {
            if (deadline.hasExpired()) {
                ok = false;
                break;
            }
            QThread::msleep(20);
        }
    }
    if (!ok)
        *error
            = tr("lock demo: the sessions did not wait on each other within %1 ms").arg(timeoutMs);
    PQfinish(checker);
    return ok;
}

void LockChainDemo::stop()
{
    // C, then B: cancel their waits and read what is left; then A rolls back.
    for (int i = kSessions - 1; i >= 0; --i) {
        PGconn *c = m_conns[size_t(i)];
        if (!c)
            continue;
        if (i > 0 && PQstatus(c) == CONNECTION_OK && PQisBusy(c)) {
            if (PGcancel *cancel = PQgetCancel(c)) {
                char buffer[256];
                PQcancel(cancel, buffer, sizeof buffer);
                PQfreeCancel(cancel);
            }
        }
        while (PGresult *r = PQgetResult(c))
            PQclear(r);
        if (i == 0 && PQstatus(c) == CONNECTION_OK)
            PQclear(PQexec(c, "ROLLBACK"));
        PQfinish(c);
        m_conns[size_t(i)] = nullptr;
    }
}

} // namespace uaip
