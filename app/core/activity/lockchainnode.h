#pragma once

#include <QList>
#include <QString>

namespace uaip {

// One session in a lock chain. A root is a root blocker (it blocks others and waits on
// nobody); its children wait on it, their children on them: root blocker <- blocker <- blocked.
struct LockChainNode
{
    int pid = 0;
    QString user;
    QString application;
    QString state;
    QString query;
    // What this session waits for (empty for a root blocker): on its parent.
    QString lockType;
    QString mode;
    QString relation;
    qint64 waitedMs = 0;
    bool waitsForMigrationLock = false;
    bool holdsMigrationLock = false;
    bool own = false;
    // Seen higher up in this chain already (a cycle, e.g. a deadlock about to be broken):
    // not expanded again.
    bool repeated = false;
    QList<LockChainNode> children;

    // Levels of the deepest path below and including this node.
    int depth() const;
};

} // namespace uaip
