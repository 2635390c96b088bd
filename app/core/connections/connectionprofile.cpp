#include "connectionprofile.h"

#include <QCoreApplication>
#include <QStringList>

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

QString ConnectionProfile::conninfo(const QString &password) const
{
    QStringList parts;
    auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + u'=' + quoted(value);
    };
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("password", password);
    add("sslmode", sslMode);
    add("sslrootcert", sslRootCert);
    add("application_name", applicationName);
    add("connect_timeout", QStringLiteral("10"));
    return parts.join(u' ');
}

QString ConnectionProfile::describe() const
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(user.isEmpty() ? tr("(default user)") : user,
             host.isEmpty() ? QStringLiteral("localhost") : host)
        .arg(port)
        .arg(database);
}

bool ConnectionProfile::isValid(QString *why) const
{
    QString reason;
    if (name.trimmed().isEmpty())
        reason = tr("the profile needs a name");
    else if (database.trimmed().isEmpty())
        reason = tr("the profile needs a database");
    else if (port <= 0 || port > 65535)
        reason = tr("the port must be 1-65535");
    else if (sslMode == QLatin1String("verify-full") && host.startsWith(u'/'))
        reason = tr("verify-full needs a host name, not a socket folder");
    if (why)
        *why = reason;
    return reason.isEmpty();
}

} // namespace uaip
