#include "connectionprofile.h"

#include "conninfo.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace uaip {

ConnectionProfile ConnectionProfile::localSandbox()
{
    ConnectionProfile p;
    p.name = sandboxName();
    p.database = QStringLiteral("uaip");
    p.user = QStringLiteral("postgres");
    p.host = QStringLiteral("localhost");
    p.sslMode = QStringLiteral("disable");
    p.sandbox = true;
    return p;
}

QStringList ConnectionProfile::sslModes()
{
    return {QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
            QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
}

QStringList ConnectionProfile::targetSessionAttrsValues()
{
    return {QStringLiteral("any"),       QStringLiteral("read-write"),
            QStringLiteral("read-only"), QStringLiteral("primary"),
            QStringLiteral("standby"),   QStringLiteral("prefer-standby")};
}

QStringList ConnectionProfile::hosts() const
{
    QStringList out;
    for (const QString &h : host.split(u',', Qt::KeepEmptyParts))
        out << h.trimmed();
    return out;
}

QString ConnectionProfile::conninfo(const QString &password) const
{
    QStringList parts;
    auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + u'=' + ConnInfo::quoted(value);
    };
    add("host", hosts().join(u','));
    if (!ports.trimmed().isEmpty())
        add("port", ports.split(u',').replaceInStrings(QStringLiteral(" "), QString()).join(u','));
    else if (port > 0)
        add("port", QString::number(port));
    add("target_session_attrs", targetSessionAttrs);
    add("dbname", database);
    add("user", user);
    add("password", password);
    add("passfile", passFile);
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    add("application_name", applicationName);
    add("connect_timeout", QStringLiteral("10"));
    return parts.join(u' ');
}

namespace {

// "host:port", "[v6]:port", "host" or "/socket/folder": the host and the port (0: none given).
std::pair<QString, int> splitHostPort(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype colon = t.lastIndexOf(u':');
    if (colon < 0 || (t.count(u':') > 1 && !t.startsWith(u'[')))
        return {t, 0};
    bool ok = false;
    const int port = t.mid(colon + 1).toInt(&ok);
    QString host = t.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return {host, ok ? port : -1};
}

// A profile that is not valid: field names the member that is wrong.
Error invalid(const QString &field, const QString &text)
{
    return Error(ErrorCode::BadInput, text, {{QStringLiteral("field"), field}});
}

} // namespace

ConnectionProfile ConnectionProfile::forMigrations() const
{
    if (migrationDirect.trimmed().isEmpty())
        return *this;
    ConnectionProfile p = *this;
    const auto [directHost, directPort] = splitHostPort(migrationDirect);
    p.host = directHost;
    if (directPort > 0)
        p.port = directPort;
    p.ports.clear();
    p.targetSessionAttrs.clear();
    p.migrationDirect.clear();
    return p;
}

QString ConnectionProfile::displayName() const
{
    return sandbox && name == sandboxName() ? tr("Local sandbox") : name;
}

QString ConnectionProfile::describe() const
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(user.isEmpty() ? tr("(default user)") : user,
             host.isEmpty() ? QStringLiteral("localhost") : hosts().join(u','),
             ports.trimmed().isEmpty()
                 ? QString::number(port)
                 : ports.split(u',').replaceInStrings(QStringLiteral(" "), QString()).join(u','),
             database);
}

Status ConnectionProfile::isValid() const
{
    const QStringList hostList = hosts();
    if (name.trimmed().isEmpty())
        return invalid(QStringLiteral("name"), tr("the profile needs a name"));
    if (database.trimmed().isEmpty())
        return invalid(QStringLiteral("database"), tr("the profile needs a database"));
    if (port <= 0 || port > 65535)
        return invalid(QStringLiteral("port"), tr("the port must be 1-65535"));
    if (sslMode == QLatin1String("verify-full")
        && std::any_of(hostList.cbegin(), hostList.cend(),
                       [](const QString &h) { return h.startsWith(u'/'); }))
        return invalid(QStringLiteral("sslMode"),
                       tr("verify-full needs a host name, not a socket folder"));
    if (host.contains(u',')
        && std::any_of(hostList.cbegin(), hostList.cend(),
                       [](const QString &h) { return h.isEmpty(); }))
        return invalid(QStringLiteral("host"),
                       tr("the host list \"%1\" has an empty entry").arg(host));
    if (!ports.trimmed().isEmpty()) {
        const QStringList list = ports.split(u',');
        bool numbers = true;
        for (const QString &p : list) {
            bool ok = false;
            const int n = p.trimmed().toInt(&ok);
            numbers = numbers && ok && n > 0 && n <= 65535;
        }
        if (!numbers)
            return invalid(
                QStringLiteral("ports"),
                tr("the ports \"%1\" must be numbers 1-65535, separated by commas").arg(ports));
        if (list.size() != 1 && list.size() != hostList.size())
            return invalid(QStringLiteral("ports"),
                           tr("%n port(s) for %1 host(s): give one port, or one per host", nullptr,
                              int(list.size()))
                               .arg(hostList.size()))
                .with(QStringLiteral("portCount"), int(list.size()))
                .with(QStringLiteral("hostCount"), int(hostList.size()));
    }
    if (!targetSessionAttrs.isEmpty() && !targetSessionAttrsValues().contains(targetSessionAttrs))
        return invalid(
            QStringLiteral("targetSessionAttrs"),
            tr("target_session_attrs must be one of %1, not \"%2\"")
                .arg(targetSessionAttrsValues().join(QStringLiteral(", ")), targetSessionAttrs));
    if (!migrationDirect.trimmed().isEmpty()) {
        const auto [directHost, directPort] = splitHostPort(migrationDirect);
        if (directHost.isEmpty() || directHost.contains(u',') || directPort < 0
            || directPort > 65535)
            return invalid(QStringLiteral("migrationDirect"),
                           tr("the direct connection for migrations \"%1\" must be one host:port "
                              "(port 1-65535) or one host")
                               .arg(migrationDirect));
    }
    return {};
}

} // namespace uaip
