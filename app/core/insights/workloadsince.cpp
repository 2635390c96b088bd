#include "workloadsince.h"

#include "insightscapabilities.h"
#include "regressioncheck.h"
#include "workloadsnapshots.h"

#include <algorithm>

namespace uaip {

int WorkloadSince::Report::regressions() const
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [](const QueryRegression &r) { return r.regressed; }));
}

QString WorkloadSince::Report::nothingToCompare() const
{
    if (!unavailable.isEmpty())
        return unavailable;
    if (!snapshot)
        return tr("no workload snapshot was kept when %1 was applied (it is not applied, was "
                  "applied before the console kept them, or the database had no "
                  "pg_stat_statements then)")
            .arg(version);
    return QString();
}

DbResult<WorkloadSince::Report> WorkloadSince::read(PgConnection &connection,
                                                    const InsightsCapabilities &caps,
                                                    const QString &version)
{
    Report report;
    report.version = version;
    if (!caps.ready(QLatin1String(InsightsCapabilities::kStatements))) {
        report.unavailable = caps.howToEnable(QLatin1String(InsightsCapabilities::kStatements));
        return report;
    }
    WorkloadSnapshots snapshots(connection, caps);
    DbResult<std::optional<WorkloadSnapshot>> snapshot = snapshots.of(version);
    if (!snapshot)
        return snapshot.error();
    report.snapshot = snapshot.value();
    if (!report.snapshot)
        return report;
    const DbResult<QHash<QString, SnapshotQuery>> now = snapshots.now(*report.snapshot);
    if (!now)
        return now.error();
    report.statsSinceNow = snapshots.statsSinceNow();
    report.notPlanned = snapshots.notPlanned();
    report.statements
        = RegressionCheck::compare(*report.snapshot, now.value(), report.statsSinceNow);
    return report;
}

} // namespace uaip
