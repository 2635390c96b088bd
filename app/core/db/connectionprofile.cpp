#include "connectionprofile.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace uaip {

namespace {

QString quoted(QString v)
{
    v.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + v + u'\'';
}

} // namespace

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
            parts << QLatin1String(key) + u'=' + quoted(value);
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

bool ConnectionProfile::isValid(QString *why) const
{
    QString reason;
    const QStringList hostList = hosts();
    if (name.trimmed().isEmpty())
        reason = tr("the profile needs a name");
    else if (database.trimmed().isEmpty())
        reason = tr("the profile needs a database");
    else if (port <= 0 || port > 65535)
        reason = tr("the port must be 1-65535");
    else if (sslMode == QLatin1String("verify-full")
             && std::any_of(hostList.cbegin(), hostList.cend(),
                            [](const QString &h) { return h.startsWith(u'/'); }))
        reason = tr("verify-full needs a host name, not a socket folder");
    else if (host.contains(u',')
             && std::any_of(hostList.cbegin(), hostList.cend(),
                            [](const QString &h) { return h.isEmpty(); }))
        reason = tr("the host list \"%1\" has an empty entry").arg(host);
    else if (!ports.trimmed().isEmpty()) {
        const QStringList list = ports.split(u',');
        bool numbers = true;
        for (const QString &p : list) {
            bool ok = false;
            const int n = p.trimmed().toInt(&ok);
            numbers = numbers && ok && n > 0 && n <= 65535;
        }
        if (!numbers)
            reason = tr("the ports \"%1\" must be numbers 1-65535, separated by commas").arg(ports);
        else if (list.size() != 1 && list.size() != hostList.size())
            reason = tr("%n port(s) for %1 host(s): give one port, or one per host", nullptr,
                        int(list.size()))
                         .arg(hostList.size());
    }
    if (reason.isEmpty() && !targetSessionAttrs.isEmpty()
        && !targetSessionAttrsValues().contains(targetSessionAttrs))
        reason
            = tr("target_session_attrs must be one of %1, not \"%2\"")
                  .arg(targetSessionAttrsValues().join(QStringLiteral(", ")), targetSessionAttrs);
    if (reason.isEmpty() && !migrationDirect.trimmed().isEmpty()) {
        const auto [directHost, directPort] = splitHostPort(migrationDirect);
        if (directHost.isEmpty() || directHost.contains(u',') || directPort < 0
            || directPort > 65535)
            reason = tr("the direct connection for migrations \"%1\" must be one host:port "
                        "(port 1-65535) or one host")
                         .arg(migrationDirect);
    }
    if (why)
        *why = reason;
    return reason.isEmpty();
}

} // namespace uaip
