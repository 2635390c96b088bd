#pragma once

#include "db/dbresult.h"
#include "queryregression.h"
#include "workloadsnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace uaip {

class InsightsCapabilities;
class PgConnection;

// Did the migration make anything slower? The workload snapshot `up` kept before it applied
// the version, against the same statements now (WorkloadSnapshots, RegressionCheck): what
// `insights since VERSION` prints and the Migrations view shows for an applied migration.
class WorkloadSince
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WorkloadSince)

public:
    struct Report
    {
        QString version;
        std::optional<WorkloadSnapshot> snapshot; // nullopt: none was kept for the version
        QList<QueryRegression> statements; // regressions first
        QString statsSinceNow; // since when pg_stat_statements counts now
        QString notPlanned; // why plans were not compared (PlanSafety), empty when they were
        QString unavailable; // pg_stat_statements is not ready: how to make it so

        bool resetSinceSnapshot() const
        {
            return snapshot && statsSinceNow != snapshot->statsSince;
        }
        int regressions() const;
        // Why there is nothing to compare (no extension, no snapshot); empty when there is.
        QString nothingToCompare() const;
    };

    static DbResult<Report> read(PgConnection &connection, const InsightsCapabilities &caps,
                                 const QString &version);
};

} // namespace uaip
