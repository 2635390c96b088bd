#include "servertopology.h"

#include "conninfo.h"
#include "pgconnection.h"
#include "sqlresource.h"

namespace uaip {

Result<ServerTopology> ServerTopology::read(PgConnection &connection)
{
    const PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("db/sql/server_topology.sql")));
    if (!r.ok())
        return Error(r.error());
    ServerTopology t;
    t.clientPid = connection.backendPid();
    t.serverVersion = connection.serverVersion();
    t.host = connection.host();
    t.port = connection.port();
    if (r.rows() != 1)
        return t;
    t.serverPid = r.value(0, "pid").toInt();
    t.inRecovery = r.value(0, "in_recovery") == QLatin1String("t");
    t.transactionReadOnly = r.value(0, "transaction_read_only") == QLatin1String("on");
    t.defaultReadOnly = r.value(0, "default_read_only") == QLatin1String("on");
    if (t.inRecovery) {
        t.primaryHost = hostOfConninfo(r.value(0, "primary_conninfo"));
        const QString sender = r.value(0, "sender_host");
        if (t.primaryHost.isEmpty() && !sender.isEmpty())
            t.primaryHost = r.value(0, "sender_port").isEmpty()
                ? sender
                : sender + u':' + r.value(0, "sender_port");
    }
    return t;
}

QString ServerTopology::hostOfConninfo(const QString &conninfo)
{
    if (conninfo.trimmed().isEmpty())
        return QString();
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    if (!info)
        return QString();
    QString host = info->value("host");
    if (host.isEmpty())
        host = info->value("hostaddr");
    const QString port = info->value("port");
    if (host.isEmpty())
        return QString();
    return port.isEmpty() ? host : host + u':' + port;
}

QString ServerTopology::role() const
{
    if (!inRecovery)
        return tr("primary");
    return primaryHost.isEmpty() ? tr("standby (read-only)")
                                 : tr("standby (read-only) of %1").arg(primaryHost);
}

QString ServerTopology::poolerDescription() const
{
    return tr("a connection pooler at %1:%2 (it announced backend pid %3 at connect, the server "
              "runs this session as pid %4)")
        .arg(host.isEmpty() ? QStringLiteral("localhost") : host, port)
        .arg(clientPid)
        .arg(serverPid);
}

QString ServerTopology::writeRefusal() const
{
    if (!inRecovery)
        return QString();
    return tr("the server at %1:%2 is a %3: it accepts no writes; connect to the primary "
              "(a multi-host profile or conninfo with target_session_attrs=read-write finds it)")
        .arg(host.isEmpty() ? QStringLiteral("localhost") : host, port, role());
}

} // namespace uaip
