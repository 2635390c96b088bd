#pragma once

#include <QDeadlineTimer>
#include <QThread>

#include <functional>

namespace uaip::test {

// Polls condition every 20 ms until it holds or ms have passed: whether it held (a bounded
// wait for a condition, never a fixed sleep).
inline bool waitFor(const std::function<bool()> &condition, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

} // namespace uaip::test
