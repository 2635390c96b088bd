#pragma once

#include "snapshotquery.h"

#include <QList>
#include <QStringList>

namespace uaip {

// What `up` kept before applying versions (WorkloadSnapshots): the top statements with their
// counters and generic plans; when it was taken and when the version asked about was applied.
struct WorkloadSnapshot
{
    qint64 id = 0;
    QString takenAt;
    QString appliedAt;
    QString statsSince;
    QList<SnapshotQuery> queries;
    // Not a run's snapshot: the workload history's last sample before the version was applied
    // (id: the sample's), taken where no run kept one; it has counters and no plans.
    bool fromHistory = false;
};

} // namespace uaip
