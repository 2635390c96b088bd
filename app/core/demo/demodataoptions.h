#pragma once

#include "demopromptref.h"

#include <QList>
#include <QtGlobal>

namespace uaip {

// What makes one demo data set: the seed, the instant the time series end at, and the
// prompts that already exist. Same options, same rows.
struct DemoDataOptions
{
    // Fixed, so that the same seed gives the same data on any day: 2026-11-01 00:00 UTC.
    static constexpr qint64 kDefaultAnchorEpoch = 1793491200;

    quint64 seed = 42;
    qint64 anchorEpoch = kDefaultAnchorEpoch; // the time series end here
    QList<DemoPromptRef> prompts;
};

} // namespace uaip
