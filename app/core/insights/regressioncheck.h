#pragma once

#include "queryregression.h"
#include "workloadsnapshot.h"

#include <QCoreApplication>
#include <QHash>

namespace uaip {

// Compares each statement of a snapshot with its counters and plan now. After = now minus the
// snapshot (the counters are cumulative); when the counters went below the snapshot's the
// statistics were reset since, and now's counts are all after. A statement regressed when its
// mean time since is over kRatio times the mean before with at least kMinCalls calls since, or
// when its generic plan now costs over kRatio times what it did.
class RegressionCheck
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RegressionCheck)

public:
    static constexpr double kRatio = 1.5;
    static constexpr qint64 kMinCalls = 10;

    // now: the counters of the snapshot's statements (calls, totalMs) by queryid; plans: their
    // plan now (shape, cost) by queryid.
    // statsSinceNow: since when pg_stat_statements counts now; when it is not the snapshot's,
    // the statistics were reset after it and now's counters are all after.
    static QList<QueryRegression> compare(const WorkloadSnapshot &snapshot,
                                          const QHash<QString, SnapshotQuery> &now,
                                          const QString &statsSinceNow);
};

} // namespace uaip
