#pragma once

#include <QList>
#include <QString>

namespace uaip {

// One client session of the server, as pg_stat_activity describes it. Ages in milliseconds,
// -1 when there is none (no open transaction, no statement yet).
struct ActivitySession
{
    int pid = 0;
    QString user;
    QString database;
    QString application;
    QString client; // address, or "local" for a Unix socket
    QString state; // active, idle, idle in transaction, ...
    QString waitEventType;
    QString waitEvent;
    qint64 transactionMs = -1;
    qint64 queryMs = -1;
    qint64 stateMs = -1; // since the state last changed
    QString backendStart; // UTC, ISO 8601
    QString query;
    QList<int> blockedBy; // pg_blocking_pids()
    bool holdsMigrationLock = false;
    bool own = false; // a session of this process (OwnBackends)

    bool idleInTransaction() const
    {
        return state.startsWith(QLatin1String("idle in transaction"));
    }
};

} // namespace uaip
