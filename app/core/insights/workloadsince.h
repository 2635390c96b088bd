#pragma once

#include "error/result.h"
#include "error/status.h"
#include "queryregression.h"
#include "regressionthresholds.h"
#include "workloadsnapshot.h"

#include <QCoreApplication>
#include <QHash>
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
        QList<QueryRegression> statements; // regressions first, then improvements
        RegressionThresholds thresholds; // what counted as slower or faster
        QString statsSinceNow; // since when pg_stat_statements counts now
        QString notPlanned; // why a plan was not compared (GenericPlan::actAs), empty: all were
        QString unavailable; // pg_stat_statements is not ready: how to make it so
        // By queryid: why a statement planned in the snapshot could not be planned now (its
        // table locked past lock_timeout, a relation gone, a timeout); its plan and cost now
        // are then unknown (cost -1), never compared.
        QHash<QString, QString> planUnavailable;

        bool resetSinceSnapshot() const
        {
            return snapshot && statsSinceNow != snapshot->statsSince;
        }
        int regressions() const;
        int improvements() const;
        // Why there is nothing to compare (no extension, no snapshot); empty when there is.
        QString nothingToCompare() const;
    };

    static Result<Report> read(PgConnection &connection, const InsightsCapabilities &caps,
                               const QString &version, const RegressionThresholds &thresholds = {});

private:
    // Why each statement planned in the snapshot has no plan now (WorkloadSnapshots keeps none
    // of the reason): an ACCESS EXCLUSIVE lock held or waited for on a table it names
    // (relation_locks.sql, read without a lock), else the refusal, else the causes there can be.
    // Nothing is planned again.
    static Status explainUnplanned(PgConnection &connection, Report &report,
                                   const QHash<QString, SnapshotQuery> &now);
};

} // namespace uaip
