#include "activitysnapshot.h"

namespace uaip {

const ActivitySession *ActivitySnapshot::session(int pid) const
{
    for (const ActivitySession &s : sessions)
        if (s.pid == pid)
            return &s;
    return nullptr;
}

const LockWait *ActivitySnapshot::waitOf(int pid) const
{
    for (const LockWait &w : waits)
        if (w.pid == pid)
            return &w;
    return nullptr;
}

} // namespace uaip
