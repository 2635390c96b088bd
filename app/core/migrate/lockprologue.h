#pragma once

#include <QtGlobal>

namespace uaip {

// Behind a pooler, right after a transaction's BEGIN: where the session reset, the migration
// lock and the check that the steps are still to do went (all -1: the session holds the lock).
struct LockPrologue
{
    qsizetype first = -1; // the session reset before the lock (what another client left)
    qsizetype lock = -1;
    qsizetype check = -1;

    bool contains(qsizetype i) const { return lock >= 0 && i >= first && i <= check; }
};

} // namespace uaip
