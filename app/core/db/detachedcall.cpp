#include "detachedcall.h"

#include <QThreadPool>

namespace uaip {

namespace {

// At most this many calls blocked at once; a call beyond them is the caller's to run.
constexpr int kMaxThreads = 64;

QThreadPool *pool()
{
    // Never deleted: its destructor would wait for a call blocked in a library.
    static QThreadPool *const instance = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(kMaxThreads);
        return p;
    }();
    return instance;
}

} // namespace

bool DetachedCall::start(std::function<void()> call)
{
    return pool()->tryStart(std::move(call));
}

} // namespace uaip
