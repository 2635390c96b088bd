#pragma once

#include <QList>

namespace uaip {

// The server backends (pids) of this process's own connections: every PgConnection registers
// its backend while it is open. Activity actions refuse them (a console must not
// cancel or terminate its own sessions, whatever the UI offers). Thread-safe. Keyed by pid only,
// so a pid of the same number on another server is refused too: the safe side.
class OwnBackends
{
public:
    static void add(int pid);
    static void remove(int pid);
    static bool contains(int pid);
    static QList<int> pids();
};

} // namespace uaip
