#include "pgconnector.h"

#include <QDeadlineTimer>

#include <libpq-fe.h>

#include <cerrno>
#include <poll.h>

namespace uaip {

bool PgConnector::finish(PGconn *connection, bool *timedOut)
{
    int timeoutSeconds = 0;
    if (PQconninfoOption *options = PQconninfo(connection)) {
        for (PQconninfoOption *o = options; o->keyword; ++o)
            if (qstrcmp(o->keyword, "connect_timeout") == 0 && o->val)
                timeoutSeconds = QByteArray(o->val).toInt();
        PQconninfoFree(options);
    }
    const QDeadlineTimer deadline(timeoutSeconds > 0 ? timeoutSeconds * 1000 : -1);
    PostgresPollingStatusType state
        = PQstatus(connection) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
        if (deadline.hasExpired()) {
            *timedOut = true;
            return false;
        }
        pollfd p{PQsocket(connection), short(state == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const qint64 left = deadline.remainingTime();
        const int n = ::poll(&p, 1, left < 0 ? -1 : int(qMin<qint64>(left, 1000)));
        if (n < 0 && errno != EINTR)
            return false;
        if (n > 0)
            state = PQconnectPoll(connection);
    }
    return PQstatus(connection) == CONNECTION_OK;
}

PGconn *PgConnector::connect(const QString &conninfo, const PgOpenOptions &options,
                             ConnectFailure *failure)
{
    *failure = {};
    const QByteArray info = conninfo.toUtf8();
    const QByteArray app = options.applicationName.isEmpty() ? QByteArrayLiteral("uaip-admin")
                                                             : options.applicationName.toUtf8();
    // Later keywords override earlier ones, so the user's own conninfo wins over our defaults;
    // client_encoding comes last (UTF8 always), in the startup packet: no SET round trip.
    const char *keywords[] = {"connect_timeout", "fallback_application_name", "dbname",
                              "client_encoding", "application_name",          nullptr};
    const char *values[] = {"10",
                            app.constData(),
                            info.isEmpty() ? nullptr : info.constData(),
                            "UTF8",
                            options.forceApplicationName ? app.constData() : nullptr,
                            nullptr};
    // libpq's blocking connect applies connect_timeout to each host of a list and moves on to
    // the next (a caller's loop cannot); the verbose layout needs a started connection.
    bool timedOut = false;
    bool connected = false;
    PGconn *c = nullptr;
    if (options.verboseErrors) {
        c = PQconnectStartParams(keywords, values, 1);
        if (c)
            PQsetErrorVerbosity(c, PQERRORS_VERBOSE);
        connected = c && finish(c, &timedOut);
    } else {
        c = PQconnectdbParams(keywords, values, 1);
        connected = c && PQstatus(c) == CONNECTION_OK;
    }
    if (connected)
        return c;
    failure->message = !c ? tr("out of memory")
        : timedOut        ? QStringLiteral("timeout expired")
                          : QString::fromUtf8(PQerrorMessage(c)).trimmed();
    failure->timedOut = timedOut;
    if (c) {
        failure->user = QString::fromUtf8(PQuser(c));
        failure->database = QString::fromUtf8(PQdb(c));
        failure->needsPassword = PQconnectionNeedsPassword(c) != 0;
        PQfinish(c);
    }
    return nullptr;
}

} // namespace uaip
