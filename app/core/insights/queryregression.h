#pragma once

#include <QString>

namespace uaip {

// One statement before and after a migration (RegressionCheck): the calls and mean time up to
// the snapshot and since it, the generic plan's shape and cost then and now. regressed: slower
// by the thresholds (RegressionThresholds) with enough calls since, or its plan that much
// costlier; why says which. improved: faster by the same thresholds.
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
    // Faster by the same thresholds (a migration's index cutting a query from 178 to 9.6 ms):
    // what improved, empty when nothing did.
    bool improved = false;
    QString improvement;
};

} // namespace uaip
