#pragma once

// In place of a fixed wait "to let the layouts settle" before a test measures widgets: delivers
// every event the calls before it posted (layout requests, and the ones those post in turn;
// resizes, window-system events of the offscreen platform). No time passes: the geometry read
// afterwards is the one the user would see next, on a fast or a loaded machine alike.

#include <QCoreApplication>

namespace uaip::test {

inline void settleLayouts()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
}

} // namespace uaip::test
