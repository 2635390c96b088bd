#pragma once

#include <functional>

namespace uaip {

// A library call that blocks and cannot be cancelled (the resolver's getaddrinfo, libpq's
// PQcancel), run where its caller need not wait for it: on the process's one pool for such
// calls. The caller waits on what the call signals (a pipe, a condition variable) and may stop
// waiting; the call then ends on its own, its thread held until it does. The pool is never
// destroyed, so a call still blocked when the process ends does not hold up its exit.
class DetachedCall
{
public:
    // False when no thread could be had: the caller runs the call itself or does without it.
    static bool start(std::function<void()> call);
};

} // namespace uaip
