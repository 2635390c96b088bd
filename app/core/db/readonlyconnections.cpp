#include "readonlyconnections.h"

#include "pgconnection.h"

#include <QMutex>
#include <QRegularExpression>
#include <QSet>

namespace uaip {

namespace {

QMutex g_mutex;
QSet<const PgConnection *> g_connections;

} // namespace

void ReadOnlyConnections::mark(const PgConnection *connection)
{
    QMutexLocker lock(&g_mutex);
    g_connections.insert(connection);
}

void ReadOnlyConnections::unmark(const PgConnection *connection)
{
    QMutexLocker lock(&g_mutex);
    g_connections.remove(connection);
}

bool ReadOnlyConnections::contains(const PgConnection *connection)
{
    QMutexLocker lock(&g_mutex);
    return g_connections.contains(connection);
}

bool ReadOnlyConnections::requestedIn(const QString &options)
{
    // -c default_transaction_read_only=on, --default-transaction-read-only=true, -c
    // transaction_read_only=1 ...: the backend's own switch syntax (dashes and underscores alike)
    // and every true value of its boolean parser (parse_bool: on, 1 and any prefix of true or
    // yes, so t, tr, y, ye too; case-insensitive)
    static const QRegularExpression setting(
        QStringLiteral(R"((?:^|\s)(?:-c\s*|--)(?:default[-_])?transaction[-_]read[-_]only\s*=\s*)"
                       R"((on|1|t|tr|tru|true|y|ye|yes|'on'|'true')(?:\s|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return setting.match(options).hasMatch();
}

QString ReadOnlyConnections::optionsOf(const PgConnection &connection)
{
    QString value;
    PQconninfoOption *options = connection.handle() ? PQconninfo(connection.handle()) : nullptr;
    for (PQconninfoOption *o = options; o && o->keyword; ++o)
        if (qstrcmp(o->keyword, "options") == 0 && o->val)
            value = QString::fromUtf8(o->val);
    if (options)
        PQconninfoFree(options);
    return value;
}

} // namespace uaip
