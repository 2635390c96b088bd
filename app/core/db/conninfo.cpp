#include "conninfo.h"

#include "pgconnection.h"

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

std::optional<ConnInfo> ConnInfo::parse(const QString &conninfo, QString *error)
{
    char *why = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &why);
    if (!options) {
        if (error)
            *error = why ? QString::fromUtf8(why).trimmed() : tr("out of memory");
        PQfreemem(why);
        return std::nullopt;
    }
    ConnInfo info;
    info.m_options = optionsFrom(options);
    return info;
}

ConnInfo ConnInfo::of(const PgConnection &connection)
{
    ConnInfo info;
    if (connection.handle())
        info.m_options = optionsFrom(PQconninfo(connection.handle()));
    return info;
}

QString ConnInfo::value(const char *keyword) const
{
    for (const auto &[key, value] : m_options)
        if (key == keyword)
            return value;
    return QString();
}

bool ConnInfo::has(const char *keyword) const
{
    for (const auto &option : m_options)
        if (option.first == keyword)
            return true;
    return false;
}

} // namespace uaip
