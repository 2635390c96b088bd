#pragma once

#include "insightscapabilities.h"
#include "queryshape.h"
#include "workloadsnapshot.h"

#include "error/result.h"
#include "error/status.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

#include <optional>

namespace uaip {

class PgConnection;
class PlanningLogins;

// The workload snapshots `up` keeps in the ledger's schema (uaip_ledger.uaip_workload_snapshots,
// made by the first one): before a run applies its migrations, the kStatements top statements
// by total time that are the platform's (SELECT, INSERT, UPDATE, DELETE, MERGE) with their
// counters, and the generic plans (GenericPlan: shape and cost) of
// the kPlanned first of them an index could serve. `insights since VERSION` reads the snapshot
// of the run that applied VERSION and the same statements now (RegressionCheck). Reading needs
// pg_stat_statements ready (InsightsCapabilities); the plans are made in a read-only
// transaction of their own.
class WorkloadSnapshots
{
    Q_DECLARE_TR_FUNCTIONS(uaip::WorkloadSnapshots)

public:
    static constexpr int kStatements = 100;
    static constexpr int kPlanned = 20;

    WorkloadSnapshots(PgConnection &connection, const InsightsCapabilities &capabilities);
    ~WorkloadSnapshots();
    WorkloadSnapshots(const WorkloadSnapshots &) = delete;
    WorkloadSnapshots &operator=(const WorkloadSnapshots &) = delete;

    // Reads the workload now and keeps it for the versions about to be applied; its id.
    Result<qint64> take(const QStringList &versions);
    // The snapshot of the run that last applied version; nullopt when none was kept.
    Result<std::optional<WorkloadSnapshot>> of(const QString &version);
    // Where no run kept one: the workload history's last sample (with statements) taken before
    // version was last applied, as a snapshot without plans; nullopt when there is none.
    Result<std::optional<WorkloadSnapshot>> fromHistory(const QString &version);
    // The counters and plans now of the snapshot's statements, by queryid.
    Result<QHash<QString, SnapshotQuery>> now(const WorkloadSnapshot &snapshot);
    // After take() or now(): why a statement was not planned (the first one's refusal,
    // GenericPlan::actAs), empty when every one was.
    QString notPlanned() const { return m_notPlanned; }
    // After now(): since when pg_stat_statements counts now (UTC, empty: never reset).
    QString statsSinceNow() const { return m_statsSinceNow; }

private:
    QByteArray withSchema(const char *name) const;
    // One kept snapshot by sql (a resource of insights, $1 the version), trusted first.
    Result<std::optional<WorkloadSnapshot>> read(const char *sql, const QString &version,
                                                 bool fromHistory);
    // Fills plan and cost of each statement an index could serve, at most kPlanned.
    Status addPlans(QList<SnapshotQuery> &queries);
    // One statement's plan, in a read-only transaction of its own on a session with no right
    // the role that ran it lacks (PlanningLogins), acting as that role, under its search_path;
    // none where that cannot be done safely (GenericPlan::actAs).
    Status planOne(SnapshotQuery &q, const QueryShape &shape);
    // The ledger's schema is the console's (LedgerTrust): its snapshots were written by the
    // console, and a trigger of another role's never runs as it.
    Status trusted();

    PgConnection &m_connection;
    const InsightsCapabilities &m_capabilities;
    std::unique_ptr<PlanningLogins> m_logins;
    QString m_notPlanned;
    QString m_statsSinceNow;
};

} // namespace uaip
