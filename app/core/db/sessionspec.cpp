#include "sessionspec.h"

#include "conninfo.h"

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

QString SessionSpec::problem() const
{
    if (!password)
        return tr("the password of profile \"%1\" is not known yet").arg(profile.name);
    if (const Status valid = profile.isValid(); !valid)
        return valid.error().toString();
    return QString();
}

SessionSpec SessionSpec::withPurpose(const QString &otherPurpose) const
{
    SessionSpec s = *this;
    s.purpose = otherPurpose;
    return s;
}

QString SessionSpec::applicationName() const
{
    const QString base = profile.applicationName.isEmpty() ? QStringLiteral("uaip-admin")
                                                           : profile.applicationName;
    return purpose.isEmpty() ? base : base + u' ' + purpose;
}

QString SessionSpec::conninfo() const
{
    // Later keywords win over the profile's own (its connect_timeout, application_name).
    QStringList o{profile.conninfo(password.value_or(QString()))};
    auto add = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o << QLatin1String(key) + u'=' + ConnInfo::quoted(value);
    };
    add("application_name", applicationName());
    add("connect_timeout", QString::number(connectTimeoutSeconds));
    add("keepalives", QStringLiteral("1"));
    add("keepalives_idle", QString::number(keepalivesIdleSeconds));
    add("keepalives_interval", QString::number(keepalivesIntervalSeconds));
    add("keepalives_count", QString::number(keepalivesCount));
    add("tcp_user_timeout", QString::number(tcpUserTimeoutMs));
    // Read-only profiles are read-only at the server, not only in the widgets.
    if (profile.readOnly)
        add("options", QStringLiteral("-c default_transaction_read_only=on"));
    return o.join(u' ');
}

} // namespace uaip
