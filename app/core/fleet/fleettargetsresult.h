#pragma once

#include "fleettarget.h"

#include <QList>
#include <QStringList>

namespace uaip {

// What FleetTargetsFile read: the targets in file order and their waves in order, or the
// problems ("FILE:LINE: what"), each naming where; any problem and no target is to be run.
struct FleetTargetsResult
{
    QList<FleetTarget> targets;
    QStringList waves; // wave names in file order ("" for targets before the first heading)
    QStringList problems;

    bool ok() const { return problems.isEmpty(); }
};

} // namespace uaip
