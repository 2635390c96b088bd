#pragma once

#include "queryregression.h"
#include "regressionthresholds.h"
#include "workloadsnapshot.h"

#include <QCoreApplication>
#include <QHash>

namespace uaip {

// Compares each statement of a snapshot with its counters and plan now. After = now minus the
// snapshot (the counters are cumulative); when the counters went below the snapshot's the
// statistics were reset since, and now's counts are all after. A statement regressed when its
// mean time since is over `ratio` times the mean before and at least `minMs` more, with at least
// `minCalls` calls since, or when its generic plan now costs over `ratio` times what it did
// (RegressionThresholds); it improved by the same measures the other way.
class RegressionCheck
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RegressionCheck)

public:
    // now: the counters of the snapshot's statements (calls, totalMs) by queryid; plans: their
    // plan now (shape, cost) by queryid.
    // statsSinceNow: since when pg_stat_statements counts now; when it is not the snapshot's,
    // the statistics were reset after it and now's counters are all after.
    // Regressions first, then improvements, then the rest, each in the snapshot's order.
    static QList<QueryRegression> compare(const WorkloadSnapshot &snapshot,
                                          const QHash<QString, SnapshotQuery> &now,
                                          const QString &statsSinceNow,
                                          const RegressionThresholds &thresholds = {});

private:
    // The regression's or the improvement's reasons of r, by the thresholds.
    static void judge(QueryRegression &r, const RegressionThresholds &thresholds);
};

} // namespace uaip
