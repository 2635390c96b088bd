#pragma once

#include "demopromptref.h"

#include <QList>
#include <QtGlobal>

namespace uaip {

// What makes one demo data set: the seed, the instant the time series end at, and the
// prompts that already exist. Same options, same rows.
struct DemoDataOptions
{
    // The generator's default, so that the same seed gives the same bytes on any day:
    // 2026-11-01 00:00 UTC. DemoDataLoader ends the series at the time of the load instead
    // (DemoDataLoader::Options::anchorEpoch).
    static constexpr qint64 kDefaultAnchorEpoch = 1793491200;

    quint64 seed = 42;
    qint64 anchorEpoch = kDefaultAnchorEpoch; // the time series end here
    QList<DemoPromptRef> prompts;
};

} // namespace uaip
