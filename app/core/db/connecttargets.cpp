#include "connecttargets.h"

#include "conninfo.h"

#include <libpq-fe.h>

#include <algorithm>

namespace uaip {

namespace {

// The PG* variables' values (and libpq's compiled defaults) of every keyword that has one.
QList<std::pair<QByteArray, QByteArray>> environmentDefaults()
{
    QList<std::pair<QByteArray, QByteArray>> out;
    PQconninfoOption *options = PQconndefaults();
    for (PQconninfoOption *o = options; o && o->keyword; ++o)
        if (o->val)
            out.append({QByteArray(o->keyword), QByteArray(o->val)});
    if (options)
        PQconninfoFree(options);
    return out;
}

QByteArray valueIn(const QList<std::pair<QByteArray, QByteArray>> &list, const char *keyword)
{
    for (const auto &[key, value] : list)
        if (key == keyword)
            return value;
    return QByteArray();
}

QList<QByteArray> listOf(const QByteArray &value)
{
    return value.isEmpty() ? QList<QByteArray>() : value.split(',');
}

} // namespace

QByteArray ConnectTargets::value(const char *keyword) const
{
    for (const auto &[key, value] : m_keywords)
        if (key == keyword)
            return value;
    return valueIn(m_defaults, keyword);
}

std::optional<ConnectTargets> ConnectTargets::of(const QString &conninfo)
{
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    if (!info)
        return std::nullopt;
    ConnectTargets t;
    t.m_defaults = environmentDefaults();
    std::optional<QByteArray> host;
    std::optional<QByteArray> hostaddr;
    std::optional<QByteArray> port;
    for (const auto &[keyword, value] : info->options()) {
        if (keyword == "host")
            host = value.toUtf8();
        else if (keyword == "hostaddr")
            hostaddr = value.toUtf8();
        else if (keyword == "port")
            port = value.toUtf8();
        else
            t.m_keywords.append({keyword, value.toUtf8()});
    }
    // A service file may name the hosts; PGHOSTADDR pairs with whatever host list is given.
    if (!t.value("service").isEmpty()
        || (!hostaddr && !valueIn(t.m_defaults, "hostaddr").isEmpty()))
        return std::nullopt;
    const QList<QByteArray> hosts = listOf(host.value_or(valueIn(t.m_defaults, "host")));
    const QList<QByteArray> addresses = listOf(hostaddr.value_or(QByteArray()));
    const QList<QByteArray> ports = listOf(port.value_or(valueIn(t.m_defaults, "port")));
    if (!hosts.isEmpty() && !addresses.isEmpty() && hosts.size() != addresses.size())
        return std::nullopt; // libpq refuses it, in its words
    const qsizetype count = std::max<qsizetype>({hosts.size(), addresses.size(), 1});
    if (ports.size() > 1 && ports.size() != count)
        return std::nullopt;
    for (qsizetype i = 0; i < count; ++i) {
        Target target{hosts.value(i), addresses.value(i),
                      ports.size() == 1 ? ports.first() : ports.value(i)};
        if (target.host.isEmpty() && target.hostaddr.isEmpty() && count > 1)
            return std::nullopt; // libpq's default socket folder, which only libpq knows
        t.m_targets.append(target);
    }
    return t;
}

int ConnectTargets::timeoutMs(const QString &conninfo, int fallbackSeconds)
{
    const Result<ConnInfo> info = ConnInfo::parse(conninfo);
    QByteArray text;
    if (info && info->has("connect_timeout"))
        text = info->value("connect_timeout").toUtf8();
    else if (qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT"))
        text = qgetenv("PGCONNECT_TIMEOUT");
    else
        text = QByteArray::number(fallbackSeconds);
    bool ok = false;
    const int seconds = text.trimmed().toInt(&ok);
    if (!ok || seconds <= 0)
        return -1;
    return std::max(seconds, 2) * 1000; // libpq's minimum
}

} // namespace uaip
