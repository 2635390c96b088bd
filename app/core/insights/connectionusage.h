#pragma once

#include "connectiongroup.h"
#include "idletransaction.h"

#include <QList>

namespace uaip {

// The server's connection slots (ConnectionReader): max_connections, the ones kept for
// superusers, the client backends in use in every database; the sessions by database,
// application and state; the sessions idle in a transaction, oldest first.
struct ConnectionUsage
{
    int maxConnections = 0;
    int reserved = 0;
    int inUse = 0;
    QList<ConnectionGroup> groups;
    QList<IdleTransaction> idleInTransaction;

    // The slots a role without superuser may still take.
    int free() const { return qMax(0, maxConnections - reserved - inUse); }
    double usedPercent() const
    {
        const int usable = maxConnections - reserved;
        return usable > 0 ? 100.0 * inUse / usable : 100.0;
    }
};

} // namespace uaip
