#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// Which database a session is on, independent of how it was reached (host names, ports and
// socket folders differ for the same server): the cluster's system identifier plus the
// database name. Two sessions with equal identities write to the same database.
struct DatabaseIdentity
{
    Q_DECLARE_TR_FUNCTIONS(uaip::DatabaseIdentity)

public:
    // pg_control_system().system_identifier (decimal); where the server refuses that function,
    // "server <address>:<port> started <epoch>".
    QString systemIdentifier;
    QString database;

    bool isKnown() const { return !systemIdentifier.isEmpty() && !database.isEmpty(); }
    bool operator==(const DatabaseIdentity &) const = default;
    // "uaip on cluster 7301234567890123456"
    QString describe() const;
};

} // namespace uaip
