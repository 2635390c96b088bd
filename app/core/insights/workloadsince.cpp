#include "workloadsince.h"

#include "insightscapabilities.h"
#include "insightsreading.h"
#include "queryshapereader.h"
#include "regressioncheck.h"
#include "workloadsnapshots.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "sqlparse/parsetreenames.h"

#include <algorithm>

namespace uaip {

int WorkloadSince::Report::regressions() const
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [](const QueryRegression &r) { return r.regressed; }));
}

int WorkloadSince::Report::improvements() const
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [](const QueryRegression &r) { return r.improved; }));
}

QString WorkloadSince::Report::nothingToCompare() const
{
    if (!unavailable.isEmpty())
        return unavailable;
    if (!snapshot)
        return tr("no workload snapshot was kept when %1 was applied (it is not applied, was "
                  "applied before the console kept them, or the database had no "
                  "pg_stat_statements then), and the workload history has no sample from "
                  "before it (uaip-migrate insights record)")
            .arg(version);
    return QString();
}

namespace {

struct LockedRelation
{
    QStringList names; // as a statement can write it: schema-qualified, and bare
    QString qualified;
    QString pid;
    bool granted = false;
};

QList<LockedRelation> lockedRelations(const PgResult &r)
{
    QList<LockedRelation> out;
    for (int i = 0; i < r.rows(); ++i) {
        const QString schema = r.value(i, "schemaname");
        const QString table = r.value(i, "relname");
        const QString qualified = ParseTreeNames::qualifiedName({schema, table});
        out.append({{qualified, ParseTreeNames::qualifiedName({table})},
                    qualified,
                    r.value(i, "pid"),
                    r.value(i, "granted") == QLatin1String("t")});
    }
    return out;
}

// Why query has no plan now: a lock on a relation it names, else fallback.
QString whyUnplanned(const QString &query, const QList<LockedRelation> &locked,
                     const QString &fallback)
{
    const Result<QueryShape> shape = QueryShapeReader::read(query);
    for (const QueryShape::Relation &relation :
         shape ? shape->relations : QList<QueryShape::Relation>())
        for (const LockedRelation &l : locked)
            if (l.names.contains(relation.name))
                return (l.granted ? WorkloadSince::tr("%1 is locked ACCESS EXCLUSIVE by session "
                                                      "%2, so its plan gave up at the lock "
                                                      "timeout (%3)")
                                  : WorkloadSince::tr("session %2 waits for an ACCESS EXCLUSIVE "
                                                      "lock on %1, so its plan gave up at the "
                                                      "lock timeout (%3)"))
                    .arg(l.qualified, l.pid, QLatin1String(InsightsReading::kLockTimeout));
    return fallback;
}

} // namespace

Status WorkloadSince::explainUnplanned(PgConnection &connection, Report &report,
                                       const QHash<QString, SnapshotQuery> &now)
{
    QList<const SnapshotQuery *> unplanned;
    for (const SnapshotQuery &before : report.snapshot->queries)
        if (const auto current = now.constFind(before.queryId);
            before.cost >= 0 && current != now.constEnd() && current->cost < 0)
            unplanned << &*current;
    if (unplanned.isEmpty())
        return {};
    Transaction tx(connection);
    if (Status s = tx.begin(InsightsReading::options()); !s)
        return s;
    const PgResult r = connection.exec(SqlResource::of("insights", "relation_locks"));
    if (!r.ok())
        return Error(r.error());
    tx.end();
    const QList<LockedRelation> locked = lockedRelations(r);
    const QString fallback = !report.notPlanned.isEmpty()
        ? report.notPlanned
        : tr("its plan could not be made (a lock not granted within %1, a statement running "
             "over %2, or a relation gone)")
              .arg(QLatin1String(InsightsReading::kLockTimeout),
                   QLatin1String(InsightsReading::kStatementTimeout));
    for (const SnapshotQuery *q : unplanned)
        report.planUnavailable.insert(q->queryId, whyUnplanned(q->query, locked, fallback));
    return {};
}

Result<WorkloadSince::Report> WorkloadSince::read(PgConnection &connection,
                                                  const InsightsCapabilities &caps,
                                                  const QString &version,
                                                  const RegressionThresholds &thresholds)
{
    Report report;
    report.version = version;
    report.thresholds = thresholds;
    if (!caps.ready(QLatin1String(InsightsCapabilities::kStatements))) {
        report.unavailable = caps.howToEnable(QLatin1String(InsightsCapabilities::kStatements));
        return report;
    }
    WorkloadSnapshots snapshots(connection, caps);
    Result<std::optional<WorkloadSnapshot>> snapshot = snapshots.of(version);
    if (!snapshot)
        return snapshot.error();
    report.snapshot = snapshot.value();
    if (!report.snapshot) { // applied without a run's snapshot: the history's sample before it
        Result<std::optional<WorkloadSnapshot>> sample = snapshots.fromHistory(version);
        if (!sample)
            return sample.error();
        report.snapshot = sample.value();
    }
    if (!report.snapshot)
        return report;
    const Result<QHash<QString, SnapshotQuery>> now = snapshots.now(*report.snapshot);
    if (!now)
        return now.error();
    report.statsSinceNow = snapshots.statsSinceNow();
    report.notPlanned = snapshots.notPlanned();
    if (Status s = explainUnplanned(connection, report, now.value()); !s)
        return s.error();
    report.statements
        = RegressionCheck::compare(*report.snapshot, now.value(), report.statsSinceNow, thresholds);
    return report;
}

} // namespace uaip
