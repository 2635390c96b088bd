#pragma once

#include "activitysnapshot.h"
#include "lockchainnode.h"

#include <QList>

namespace uaip {

// Builds the lock chains of a snapshot from pg_blocking_pids(): one tree per root blocker (a
// session that blocks someone and waits on nobody), the sessions waiting on it as children, and
// so on. A session blocked by two others appears under both. A chain that is a cycle (no root)
// is rooted at its smallest pid.
class LockChain
{
public:
    static QList<LockChainNode> build(const ActivitySnapshot &snapshot);
};

} // namespace uaip
