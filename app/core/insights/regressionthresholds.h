#pragma once

#include <QtGlobal>

namespace uaip {

// When a statement counts as slower or faster since a migration (RegressionCheck): its mean
// time changed by at least `ratio` times and by at least `minMs` per call, over at least
// `minCalls` calls since (so that 0.041 -> 0.066 ms is noise, not a regression); or its generic
// plan's cost changed by at least `ratio` times. insights since --min-ratio / --min-ms.
struct RegressionThresholds
{
    double ratio = 1.5;
    double minMs = 1.0;
    qint64 minCalls = 10;
};

} // namespace uaip
