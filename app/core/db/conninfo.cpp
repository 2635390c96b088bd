#include "conninfo.h"

#include "pgconnection.h"

#include <QStringList>

#include <libpq-fe.h>

namespace uaip {

namespace {

QList<std::pair<QByteArray, QString>> optionsFrom(PQconninfoOption *options)
{
    QList<std::pair<QByteArray, QString>> out;
    for (PQconninfoOption *o = options; o && o->keyword; ++o)
        if (o->val)
            out.append({QByteArray(o->keyword), QString::fromUtf8(o->val)});
    if (options)
        PQconninfoFree(options);
    return out;
}

} // namespace

Result<ConnInfo> ConnInfo::parse(const QString &conninfo)
{
    char *why = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &why);
    if (!options) {
        const Error error = why ? Error(ErrorCode::BadInput, QString::fromUtf8(why).trimmed())
                                : Error(ErrorCode::Internal, tr("out of memory"));
        PQfreemem(why);
        return error;
    }
    ConnInfo info;
    info.m_options = optionsFrom(options);
    return info;
}

ConnInfo ConnInfo::of(const PgConnection &connection)
{
    ConnInfo info;
    if (!connection.handle())
        return info;
    // Where to connect as open() was given it: PgConnector connects to one address of a host
    // list at a time (host, hostaddr, port and target_session_attrs of that attempt), where
    // libpq would keep the list.
    static const QByteArrayList kWhere{"host", "hostaddr", "port", "target_session_attrs"};
    info.m_options = optionsFrom(PQconninfo(connection.handle()));
    const Result<ConnInfo> given = parse(connection.m_conninfo);
    if (!given)
        return info;
    info.m_options.removeIf([](const auto &o) { return kWhere.contains(o.first); });
    for (const auto &option : given->m_options)
        if (kWhere.contains(option.first))
            info.m_options.append(option);
    return info;
}

QString ConnInfo::asLogin(const PgConnection &connection, const QString &user)
{
    QStringList parts;
    const ConnInfo console = of(connection);
    for (const auto &[keyword, value] : console.options()) {
        if (keyword == "user" || keyword == "password" || value.isEmpty())
            continue;
        parts << QString::fromLatin1(keyword) + u'=' + quoted(value);
    }
    parts << QStringLiteral("user=") + quoted(user) << QStringLiteral("password=''");
    return parts.join(u' ');
}

QString ConnInfo::value(const char *keyword) const
{
    for (const auto &[key, value] : m_options)
        if (key == keyword)
            return value;
    return QString();
}

QString ConnInfo::quoted(QString value)
{
    value.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + value + u'\'';
}

QString ConnInfo::text() const
{
    QStringList parts;
    for (const auto &[keyword, v] : m_options) {
        if (v.isEmpty())
            continue;
        parts << QString::fromUtf8(keyword) + u'=' + quoted(v);
    }
    return parts.join(u' ');
}

bool ConnInfo::has(const char *keyword) const
{
    for (const auto &option : m_options)
        if (option.first == keyword)
            return true;
    return false;
}

} // namespace uaip
