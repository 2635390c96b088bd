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
    // When the server that answered started (pg_postmaster_start_time(), epoch microseconds):
    // a standby promoted after a failover or a clone made by pg_basebackup shares the system
    // identifier, so two sessions on two such servers have equal identities; this tells them
    // apart. Empty where not read (fleet targets). Not part of ==: a reconnect after a failover
    // is the same database.
    QString serverStart;

    bool isKnown() const { return !systemIdentifier.isEmpty() && !database.isEmpty(); }
    bool operator==(const DatabaseIdentity &other) const
    {
        return systemIdentifier == other.systemIdentifier && database == other.database;
    }
    // Equal identities, but reached on two servers (both start times known and different).
    bool onAnotherServerThan(const DatabaseIdentity &other) const
    {
        return *this == other && !serverStart.isEmpty() && !other.serverStart.isEmpty()
            && serverStart != other.serverStart;
    }
    // The server's start time for messages, "2026-11-24 08:44:10.123 UTC"; empty when unknown.
    QString serverStartText() const;
    // "uaip on cluster 7301234567890123456"
    QString describe() const;
};

} // namespace uaip
