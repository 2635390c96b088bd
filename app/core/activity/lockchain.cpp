#include "lockchain.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace uaip {

int LockChainNode::depth() const
{
    int deepest = 0;
    for (const LockChainNode &c : children)
        deepest = std::max(deepest, c.depth());
    return deepest + 1;
}

namespace {

LockChainNode nodeFor(const ActivitySnapshot &snapshot, int pid)
{
    LockChainNode n;
    n.pid = pid;
    if (const ActivitySession *s = snapshot.session(pid)) {
        n.user = s->user;
        n.application = s->application;
        n.state = s->state;
        n.query = s->query;
        n.holdsMigrationLock = s->holdsMigrationLock;
        n.own = s->own;
    }
    if (const LockWait *w = snapshot.waitOf(pid)) {
        n.lockType = w->lockType;
        n.mode = w->mode;
        n.relation = w->relation;
        n.waitedMs = w->waitedMs;
        n.waitsForMigrationLock = w->migrationLock;
    }
    return n;
}

void grow(LockChainNode &node, const ActivitySnapshot &snapshot,
          const QHash<int, QList<int>> &waiters, QSet<int> &path)
{
    path.insert(node.pid);
    for (int waiter : waiters.value(node.pid)) {
        LockChainNode child = nodeFor(snapshot, waiter);
        if (path.contains(waiter))
            child.repeated = true;
        else
            grow(child, snapshot, waiters, path);
        node.children.append(child);
    }
    path.remove(node.pid);
}

} // namespace

QList<LockChainNode> LockChain::build(const ActivitySnapshot &snapshot)
{
    QHash<int, QList<int>> waiters; // blocker -> the sessions waiting on it
    QSet<int> blocked;
    for (const ActivitySession &s : snapshot.sessions)
        for (int blocker : s.blockedBy) {
            waiters[blocker].append(s.pid);
            blocked.insert(s.pid);
        }
    for (auto it = waiters.begin(); it != waiters.end(); ++it)
        std::sort(it.value().begin(), it.value().end());
    QList<int> roots;
    for (auto it = waiters.cbegin(); it != waiters.cend(); ++it)
        if (!blocked.contains(it.key()))
            roots.append(it.key());
    std::sort(roots.begin(), roots.end());
    QList<LockChainNode> chains;
    QSet<int> reached;
    auto collect = [&reached](const LockChainNode &n, auto &&self) -> void {
        reached.insert(n.pid);
        for (const LockChainNode &c : n.children)
            self(c, self);
    };
    for (int root : roots) {
        LockChainNode n = nodeFor(snapshot, root);
        QSet<int> path;
        grow(n, snapshot, waiters, path);
        collect(n, collect);
        chains.append(n);
    }
    // Cycles have no root blocker: root each at its smallest pid not reached yet.
    QList<int> rest(blocked.cbegin(), blocked.cend());
    std::sort(rest.begin(), rest.end());
    for (int pid : rest) {
        if (reached.contains(pid))
            continue;
        LockChainNode n = nodeFor(snapshot, pid);
        QSet<int> path;
        grow(n, snapshot, waiters, path);
        collect(n, collect);
        chains.append(n);
    }
    return chains;
}

} // namespace uaip
