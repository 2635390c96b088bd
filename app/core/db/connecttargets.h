#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace uaip {

// Where a conninfo connects, target by target, as libpq reads it: the keywords given
// (PQconninfoParse), the PG* variables for what is not (PQconndefaults), then libpq's rules for
// a host list (a port and a hostaddr for every host, or one for all). PgConnector tries each
// target in turn with a deadline of its own, as libpq's blocking connect applies
// connect_timeout to each host.
class ConnectTargets
{
public:
    struct Target
    {
        // A host name, an IP address, or a Unix socket folder ('/' or '@' first); empty: libpq's
        // default socket folder (the only target then).
        QByteArray host;
        // The address given for it (hostaddr); empty: the host name is looked up.
        QByteArray hostaddr;
        QByteArray port;
        bool isSocket() const
        {
            return hostaddr.isEmpty()
                && (host.isEmpty() || host.startsWith('/') || host.startsWith('@'));
        }
    };

    // nullopt when the targets cannot be named exactly: a conninfo libpq cannot read (libpq then
    // says why), a service file naming them, hostaddr from PGHOSTADDR, libpq's default socket
    // within a list, lists of different lengths. libpq then tries its list itself.
    static std::optional<ConnectTargets> of(const QString &conninfo);

    const QList<Target> &targets() const { return m_targets; }
    // The conninfo's other keywords that have a value, host, hostaddr and port left out.
    const QList<std::pair<QByteArray, QByteArray>> &keywords() const { return m_keywords; }
    // A keyword's value: the conninfo's, else its PG* variable's; empty when neither.
    QByteArray value(const char *keyword) const;

    // connect_timeout in milliseconds as libpq applies it to each target (a value below 2 s is
    // 2 s; 0, negative or not a number: none, -1), fallback when neither the conninfo nor
    // PGCONNECT_TIMEOUT sets it.
    static int timeoutMs(const QString &conninfo, int fallbackSeconds);

private:
    QList<Target> m_targets;
    QList<std::pair<QByteArray, QByteArray>> m_keywords;
    QList<std::pair<QByteArray, QByteArray>> m_defaults; // PQconndefaults: PG* variables
};

} // namespace uaip
