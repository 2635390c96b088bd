#include "sessionspec.h"

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

QString SessionSpec::problem() const
{
    if (!password)
        return tr("the password of profile \"%1\" is not known yet").arg(profile.name);
    QString why;
    if (!profile.isValid(&why))
        return why;
    // QPSQL joins its connect options with ';', so a value cannot hold one.
    for (const QString &v :
         {profile.sslMode, profile.sslRootCert, profile.passFile, applicationName()})
        if (v.contains(u';'))
            return tr("\"%1\" contains ';', which the Qt PostgreSQL driver cannot pass on").arg(v);
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

QString SessionSpec::connectOptions() const
{
    QStringList o;
    auto add = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o << QLatin1String(key) + u'=' + quoted(value);
    };
    // a host list (without blanks), its ports and which host to take: QPSQL passes the host
    // as typed and one port of its own (later keywords win)
    if (profile.host.contains(u','))
        add("host", profile.hosts().join(u','));
    if (!profile.ports.trimmed().isEmpty())
        add("port",
            profile.ports.split(u',').replaceInStrings(QStringLiteral(" "), QString()).join(u','));
    add("target_session_attrs", profile.targetSessionAttrs);
    add("sslmode", profile.sslMode);
    add("sslrootcert", profile.sslRootCert);
    add("passfile", profile.passFile);
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
    return o.join(u';');
}

} // namespace uaip
