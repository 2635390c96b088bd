#include "ownbackends.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace uaip {

namespace {

QMutex &mutex()
{
    static QMutex m;
    return m;
}

// pid -> how many PgConnection objects registered it
QHash<int, int> &counts()
{
    static QHash<int, int> c;
    return c;
}

} // namespace

void OwnBackends::add(int pid)
{
    if (pid <= 0)
        return;
    QMutexLocker lock(&mutex());
    ++counts()[pid];
}

void OwnBackends::remove(int pid)
{
    if (pid <= 0)
        return;
    QMutexLocker lock(&mutex());
    const auto it = counts().find(pid);
    if (it == counts().end())
        return;
    if (--it.value() <= 0)
        counts().erase(it);
}

bool OwnBackends::contains(int pid)
{
    QMutexLocker lock(&mutex());
    return counts().contains(pid);
}

QList<int> OwnBackends::pids()
{
    QMutexLocker lock(&mutex());
    QList<int> all = counts().keys();
    std::sort(all.begin(), all.end());
    return all;
}

} // namespace uaip
