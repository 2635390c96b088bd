#pragma once

#include <QString>

namespace uaip {

// One statement before and after a migration (RegressionCheck): the calls and mean time up to
// the snapshot and since it, the generic plan's shape and cost then and now. regressed: slower
// by more than RegressionCheck::kRatio with enough calls since, or its plan that much
// costlier; why says which.
struct QueryRegression
{
    QString queryId;
    QString query;
    qint64 callsBefore = 0;
    double meanBeforeMs = 0;
    qint64 callsAfter = 0;
    double meanAfterMs = 0;
    QString planBefore;
    QString planAfter;
    double costBefore = -1;
    double costAfter = -1;
    bool regressed = false;
    QString why;
};

} // namespace uaip
